package io.reckoning.standalone;

import io.reckoning.testing.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar as a user runs it, killed with SIGKILL while 50 runs are in flight and started again on
 * the same database and data directory: nothing is lost, nothing is done twice.
 */
class CrashRecoveryIT {

    private static final int RUNS = 50;
    private static final Path JAR = Path.of("target", "reckoning-standalone.jar");
    private static final String TOKEN = "crash-recovery-" + UUID.randomUUID();

    @TempDir
    Path dataDir;
    private TestDatabase database;
    private Process engine;
    private int httpPort;
    private int kafkaPort;
    private int generation;

    @BeforeEach
    void prepare() throws IOException {
        assertThat(JAR).as("the standalone jar is built before the integration tests").exists();
        database = TestDatabase.create();
        httpPort = freePort();
        kafkaPort = freePort();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (engine != null && engine.isAlive()) {
            engine.destroy();
            engine.waitFor();
        }
        database.close();
    }

    @Test
    void shouldFinishEveryRunExactlyOnceAfterAKill9() throws Exception {
        EngineClient client = new EngineClient(URI.create("http://127.0.0.1:" + httpPort), TOKEN);
        start();
        assertThat(client.post("/api/workflows", EngineClient.demoWorkflow()).status()).isEqualTo(201);

        List<String> runIds = startRunsInParallel(client);
        engine.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing, mid-flight
        engine.waitFor();

        start();
        Awaitility.await("all runs waiting at b").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(client, "WAITING") == RUNS);
        runIds.forEach(runId -> assertThat(client.attest(runId, "b", "SUCCEEDED").status()).isEqualTo(202));
        Awaitility.await("all runs succeeded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(client, "SUCCEEDED") == RUNS);

        for (String runId : runIds) {
            JsonNode run = client.get("/api/runs/" + runId).body();
            assertThat(run.get("steps")).extracting(step -> step.get("status").asText())
                    .containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        }
        assertThat(duplicates("StepScheduled")).as("attempts scheduled twice").isEmpty();
        assertThat(duplicates("StepStarted")).as("attempts started twice").isEmpty();
        assertThat(duplicates("StepSucceeded", "StepFailed", "StepAttested")).as("attempts with two outcomes").isEmpty();
    }

    @Test
    void shouldFireADurableTimerThatWasSetBeforeAKill9() throws Exception {
        EngineClient client = new EngineClient(URI.create("http://127.0.0.1:" + httpPort), TOKEN);
        start();
        assertThat(client.post("/api/workflows", """
                {"name":"timer","steps":[{"id":"pause","type":"wait","duration":"PT8S"},
                  {"id":"after","type":"transform","needs":["pause"],"output":{"done":true}}]}""").status()).isEqualTo(201);
        Instant started = Instant.now();
        String runId = client.startRun(Map.of("workflow", "timer"));
        client.awaitUntil(runId, run -> "RUNNING".equals(run.get("steps").get(0).get("status").asText()));

        engine.destroyForcibly();
        engine.waitFor();
        start();

        JsonNode run = client.awaitRun(runId, "SUCCEEDED");
        Instant fired = Instant.parse(run.get("steps").get(0).get("endedAt").asText());
        assertThat(Duration.between(started, fired)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(duplicates("StepSucceeded")).as("the timer fired once").isEmpty();
    }

    private List<String> startRunsInParallel(EngineClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> started = IntStream.range(0, RUNS)
                    .mapToObj(i -> pool.submit(client::startDemoRun)).toList();
            List<String> runIds = new ArrayList<>();
            for (Future<String> future : started) {
                runIds.add(future.get());
            }
            return runIds;
        } finally {
            pool.shutdown();
        }
    }

    private static long count(EngineClient client, String status) {
        EngineClient.Response page = client.get("/api/runs?workflow=demo&limit=100&status=" + status);
        return page.status() == 200 ? page.body().get("items").size() : -1;
    }

    /** (run, step, attempt) keys that carry more than one of the given event types. */
    private List<String> duplicates(String... types) throws SQLException {
        String sql = """
                select aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'stepId' as step,
                       convert_from(payload, 'UTF8')::jsonb ->> 'attempt' as attempt, count(*)
                from command.domain_event_entry where payload_type = any (?)
                group by 1, 2, 3 having count(*) > 1""";
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", types));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getString(3) + " x" + rows.getInt(4));
                }
            }
        }
        return found;
    }

    private void start() throws IOException {
        Path log = Path.of("target", "crash-recovery-engine-" + (++generation) + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", JAR.toString(),
                "--spring.datasource.username=" + database.username(),
                "--reckoning.command.redispatch-after=PT5S",
                "--reckoning.command.reconcile-interval=PT1S")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().put("DATABASE_URL", database.jdbcUrl());
        builder.environment().put("RECKONING_DATA_DIR", dataDir.toString());
        builder.environment().put("RECKONING_KAFKA_PORT", String.valueOf(kafkaPort));
        builder.environment().put("SERVER_PORT", String.valueOf(httpPort));
        builder.environment().put("RECKONING_API_TOKENS", "crash-test:admin:" + TOKEN);
        engine = builder.start();
        EngineClient client = new EngineClient(URI.create("http://127.0.0.1:" + httpPort), TOKEN);
        Awaitility.await("engine up (log: " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!engine.isAlive()) {
                        throw new AssertionError("The engine exited: " + Files.readString(log));
                    }
                    return client.get("/health").status() == 200;
                });
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
