package io.reckoning.standalone;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rebuilding read models on the running standalone engine: the rebuilt tables equal the live ones row by row, queries
 * answer from the old tables while the replay runs, and the live processors carry on on the swapped-in tables.
 */
class ProjectionReplayIT {

    private static final List<String> TABLES = List.of("run_summary", "step_run", "workflow_version", "artifact", "activity");

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;
    private static final List<String> runs = new ArrayList<>();

    @BeforeAll
    static void startWithSomeHistory() {
        // A short lock timeout: the test holds a query open on a live table to keep the swap waiting. Two segments:
        // the swap merges their positions into the live processor's one.
        engine = InProcessEngine.start(dataDir, "--reckoning.query.replay.lock-timeout=200ms",
                "--reckoning.query.replay.segments=2");
        client = engine.client();
        assertThat(client.post("/api/workflows", EngineClient.demoWorkflow()).status()).isEqualTo(201);
        for (int i = 0; i < 6; i++) {
            runs.add(client.startDemoRun());
        }
        runs.forEach(runId -> client.awaitRun(runId, "WAITING"));
        for (int i = 0; i < 4; i++) {
            assertThat(client.attest(runs.get(i), "b", i % 2 == 0 ? "SUCCEEDED" : "FAILED").status()).isEqualTo(202);
            client.awaitRun(runs.get(i), i % 2 == 0 ? "SUCCEEDED" : "FAILED");
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldRebuildEveryReadModelIntoTablesEqualToTheLiveOnes() throws Exception {
        Map<String, List<String>> before = snapshot();
        List<String> indexesBefore = indexes();
        JsonNode runBefore = client.get("/api/runs/" + runs.get(0)).body();

        try (Connection longQuery = connect()) {
            longQuery.setAutoCommit(false);
            try (Statement statement = longQuery.createStatement()) {
                statement.execute("select count(*) from query.run_summary");
            }
            EngineClient.Response accepted = client.post("/api/admin/projections/run-summary/replay", "");
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.body().get("state").asText()).isEqualTo("replaying");
            assertThat(accepted.body().get("processor").asText()).isEqualTo("run-view");
            assertThat(accepted.body().get("readModels")).extracting(JsonNode::asText)
                    .containsExactly("run-summary", "step-run");

            EngineClient.Response again = client.post("/api/admin/projections/step-run/replay", "");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.body().get("type").asText()).endsWith("/replay-running");

            // The swap waits for the open query; meanwhile the projection is replaying and queries answer.
            assertThat(client.get("/api/admin/projections/run-summary").body().get("state").asText())
                    .isEqualTo("replaying");
            EngineClient.Response during = client.get("/api/runs/" + runs.get(0));
            assertThat(during.status()).isEqualTo(200);
            assertThat(during.body()).isEqualTo(runBefore);
            assertThat(client.get("/api/runs").body().get("items")).hasSize(runs.size());
            longQuery.commit();
        }
        awaitReplayed("run-summary");
        replayAndAwait("workflow-version");
        replayAndAwait("artifact");
        replayAndAwait("activity");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(client.get("/api/runs/" + runs.get(0)).body()).isEqualTo(runBefore);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("delete from query.artifact"))
                    .hasMessageContaining("artifacts are never deleted");
        }
    }

    @Test
    void shouldKeepProjectingNewEventsAfterTheSwap() {
        replayAndAwait("step-run");

        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        assertThat(client.attest(runId, "b", "SUCCEEDED").status()).isEqualTo(202);

        JsonNode done = client.awaitRun(runId, "SUCCEEDED");
        assertThat(done.get("steps")).extracting(step -> step.get("status").asText())
                .containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        JsonNode list = client.get("/api/admin/projections").body().get("items");
        assertThat(list).extracting(item -> item.get("name").asText())
                .containsExactly("activity", "artifact", "run-summary", "step-run", "workflow-version");
        Awaitility.await("caught up").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.get("/api/admin/projections").body().get("items")).allSatisfy(item -> {
                    assertThat(item.get("state").asText()).isEqualTo("live");
                    assertThat(item.get("lagEvents").asLong()).isZero();
                    assertThat(item.get("position").asLong()).isEqualTo(item.get("total").asLong()).isPositive();
                }));
        assertThat(client.rawGet("/actuator/prometheus"))
                .contains("reckoning_projection_replay_progress{projection=\"step-run\"} 1.0")
                .containsPattern("reckoning_projection_replay_events_total\\{projection=\"run-summary\"} [1-9]");
    }

    @Test
    void shouldProjectTheRunViewOnTwoSegmentsEachClaimedByAThread() throws SQLException {
        // reckoning.query.run-view-segments (2), before and after any swap: the swap keeps the live segments
        Awaitility.await("run-view segments claimed").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(owners("run-view")).hasSize(2).doesNotContainNull());
        assertThat(owners("artifact")).hasSize(1);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownProjection() {
        EngineClient.Response unknown = client.post("/api/admin/projections/run-view-typo/replay", "");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("type").asText()).endsWith("/projection-not-found");
        assertThat(client.get("/api/admin/projections/run-view-typo").status()).isEqualTo(404);
    }

    private static void replayAndAwait(String projection) {
        assertThat(client.post("/api/admin/projections/" + projection + "/replay", "").status()).isEqualTo(202);
        awaitReplayed(projection);
    }

    private static void awaitReplayed(String projection) {
        JsonNode status = Awaitility.await("replay of " + projection).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.get("/api/admin/projections/" + projection).body(),
                        body -> !"replaying".equals(body.get("state").asText()));
        assertThat(status.get("replay").get("phase").asText()).isEqualTo("succeeded");
        assertThat(status.get("replay").get("error").isNull()).isTrue();
    }

    /** Every row of every read-model table, as JSON text, in a stable order. */
    private static Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select to_jsonb(t)::text from query." + table + " t order by 1")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                assertThat(lines).as(table).isNotEmpty();
                rows.put(table, lines);
            }
        }
        return rows;
    }

    /** The names and definitions of the read-model tables' indexes and triggers. */
    private static List<String> indexes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select indexname || ' ' || indexdef from pg_indexes where schemaname = 'query'
                     union all
                     select tgname || ' ' || tgrelid::regclass from pg_trigger t join pg_class c on c.oid = t.tgrelid
                     where c.relnamespace = 'query'::regnamespace and not tgisinternal
                     order by 1""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The owner of each of the processor's segments (null for an unclaimed one), by segment. */
    private static List<String> owners(String processor) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(
                     "select owner from query.token_entry where processor_name = ? order by segment")) {
            statement.setString(1, processor);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
        }
        return owners;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(engine.database().jdbcUrl(), engine.database().username(),
                engine.database().password());
    }
}
