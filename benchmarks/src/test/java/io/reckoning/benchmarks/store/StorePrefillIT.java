package io.reckoning.benchmarks.store;

import io.reckoning.audit.chain.ChainVerdict;
import io.reckoning.audit.chain.ChainVerifier;
import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.command.config.CommandConfiguration;
import io.reckoning.eventstore.WireNameSerializer;
import io.reckoning.query.config.QueryConfiguration;
import io.reckoning.support.db.SchemaMigration;
import io.reckoning.testing.TestDatabase;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A prefilled store is what an engine that handled its events would leave: every processor's token at the head in
 * the engine's own form, the catalog entry of the registered workflow, and streams whose hash chains verify.
 */
class StorePrefillIT {

    private static final List<String> COMMAND_PROCESSORS = List.of("run-event-publisher", "attestation-notifier");
    private static final List<String> QUERY_PROCESSORS = List.of("run-view", "workflow-version", "artifact", "activity");

    private TestDatabase database;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createSchema() {
        database = TestDatabase.create();
        dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        jdbc = new JdbcTemplate(dataSource);
        new SchemaMigration(dataSource, CommandConfiguration.SCHEMA);
        new SchemaMigration(dataSource, QueryConfiguration.SCHEMA);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void shouldPutEveryProcessorAtTheHeadAsTheEngineWritesTokens() throws Exception {
        startedOnce();

        StorePrefill.Prefilled prefilled = prefill(2_000);

        long stored = jdbc.queryForObject("select count(*) from command.domain_event_entry", Long.class);
        assertThat(prefilled.events()).isEqualTo(stored).isGreaterThanOrEqualTo(2_000);
        assertThat(prefilled.head()).isEqualTo(stored);
        assertThat(prefilled.segmentsAtHead()).isEqualTo(6);
        List<Map<String, Object>> tokens = jdbc.queryForList("select processor_name, token, token_type, owner"
                + " from command.token_entry union all select processor_name, token, token_type, owner from query.token_entry");
        assertThat(tokens).hasSize(6).allSatisfy(row -> {
            // exactly what the engine's token stores wrote for a processor at global index N
            assertThat(new String((byte[]) row.get("token"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"index\":" + stored + ",\"gaps\":[]}");
            assertThat(row.get("token_type")).isEqualTo(GapAwareTrackingToken.class.getName());
            assertThat(row.get("owner")).isNull();
            TrackingToken token = new WireNameSerializer().deserialize(new SimpleSerializedObject<>(
                    (byte[]) row.get("token"), byte[].class, (String) row.get("token_type"), null));
            assertThat(token.position()).hasValue(stored);
        });
    }

    @Test
    void shouldRegisterTheWorkflowInTheCatalogAsTheRegistrationWould() throws Exception {
        startedOnce();

        prefill(100);

        Map<String, Object> entry = jdbc.queryForMap("select name, version, digest, definition::text as definition"
                + " from command.workflow_definition");
        assertThat(entry).containsEntry("name", RunHistories.WORKFLOW).containsEntry("version", 1)
                .containsEntry("digest", RunHistories.DIGEST);
        WorkflowDefinition definition = new WireNameSerializer().deserialize(new SimpleSerializedObject<>(
                ((String) entry.get("definition")).getBytes(StandardCharsets.UTF_8), byte[].class,
                WorkflowDefinition.class.getName(), null));
        assertThat(definition).isEqualTo(RunHistories.DEFINITION);
    }

    @Test
    void shouldChainEveryStreamAsTheEngineDoes() throws Exception {
        startedOnce();

        prefill(500);

        List<ChainVerdict> verdicts = new ArrayList<>();
        ChainVerifier[] current = {null};
        String[] stream = {null};
        jdbc.query("select aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision,"
                + " time_stamp, payload, meta_data from command.domain_event_entry"
                + " order by aggregate_identifier, sequence_number", rs -> {
            String aggregate = rs.getString(1);
            if (!aggregate.equals(stream[0])) {
                if (current[0] != null) {
                    verdicts.add(current[0].verdict());
                }
                stream[0] = aggregate;
                current[0] = new ChainVerifier(aggregate, List.of());
            }
            current[0].accept(ChainedEvent.stored(aggregate, rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), HashChain.parse(rs.getBytes(7)), HashChain.parse(rs.getBytes(8))));
        });
        verdicts.add(current[0].verdict());

        assertThat(verdicts).hasSizeGreaterThan(25).allSatisfy(verdict -> {
            assertThat(verdict.problem()).isNull();
            assertThat(verdict.valid()).isTrue();
        });
    }

    @Test
    void shouldRefuseAStoreThatHoldsEvents() throws Exception {
        startedOnce();
        prefill(100);

        assertThatThrownBy(() -> prefill(100)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds events");
    }

    @Test
    void shouldRefuseADatabaseNoEngineHasStartedOn() {
        assertThatThrownBy(() -> prefill(100)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start the engine on this database once");
        assertThat(jdbc.queryForObject("select count(*) from command.domain_event_entry", Long.class)).isZero();
    }

    /** What the engine's first start on an empty store leaves: one claimed segment per processor, no position yet. */
    private void startedOnce() {
        COMMAND_PROCESSORS.forEach(processor -> jdbc.update("insert into command.token_entry"
                + " (processor_name, segment, owner, timestamp) values (?, 0, '1@engine', '2026-11-23T22:00:00Z')", processor));
        QUERY_PROCESSORS.forEach(processor -> jdbc.update("insert into query.token_entry"
                + " (processor_name, segment, owner, timestamp) values (?, 0, '1@engine', '2026-11-23T22:00:00Z')", processor));
    }

    private StorePrefill.Prefilled prefill(long events) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return StorePrefill.prefill(connection, events);
        }
    }
}
