package io.reckoning.command.eventstore;

import io.reckoning.audit.chain.ChainVerdict;
import io.reckoning.audit.chain.ChainVerifier;
import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.events.StepStarted;
import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.eventstore.HashChainingEventStorageEngine;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain stays whole when this process remembers the heads it appended and another process (a second engine on
 * the same table) appends to the same stream in between, and when an append is rolled back.
 */
@ReckoningIntegrationTest(properties = "reckoning.command.require-executors=false")
class HashChainAppendIT {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    TransactionManager transactions;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldChainFromTheStoredHeadWhenAnotherProcessAppendedOrAnAppendWasRolledBack() {
        EventStorageEngine other = new HashChainingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer).eventSerializer(eventSerializer).connectionProvider(connections)
                .transactionManager(transactions).schema(EventStoreTables.eventSchema()), connections);
        String stream = "chain-" + UUID.randomUUID();

        append(engine, stream, 0, 1);
        append(other, stream, 2);
        append(engine, stream, 3);
        assertThat(appendAndRollBack(engine, stream, 4).exceptionResult()).hasMessage("rolled back");
        append(other, stream, 4);
        append(engine, stream, 5);

        ChainVerifier verifier = new ChainVerifier(stream, List.of());
        jdbc.query("select sequence_number, event_identifier, payload_type, payload_revision, time_stamp, payload,"
                        + " meta_data from " + EventStoreTables.EVENT_TABLE + " where aggregate_identifier = ? order by sequence_number",
                row -> {
                    verifier.accept(ChainedEvent.stored(stream, row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), HashChain.parse(row.getBytes(6)),
                            HashChain.parse(row.getBytes(7))));
                }, stream);
        ChainVerdict verdict = verifier.verdict();
        assertThat(verdict.valid()).as("%s", verdict.problem()).isTrue();
        assertThat(verdict.events()).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from " + EventStoreTables.EVENT_TABLE
                + " where aggregate_identifier = ? and convert_from(payload, 'UTF8') like '%rolled-back%'", Integer.class, stream)).isZero();
    }

    private void append(EventStorageEngine to, String stream, long... sequences) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> to.appendEvents(events(stream, "appended", sequences)));
    }

    private ResultMessage<?> appendAndRollBack(EventStorageEngine to, String stream, long sequence) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("rolled back");
        });
        return unitOfWork.executeWithResult(() -> {
            to.appendEvents(events(stream, "rolled-back", sequence));
            return null;
        });
    }

    private static List<GenericDomainEventMessage<StepStarted>> events(String stream, String stepId, long... sequences) {
        return Arrays.stream(sequences)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Run", stream, sequence,
                        new StepStarted(stream, stepId, (int) sequence + 1)))
                .toList();
    }
}
