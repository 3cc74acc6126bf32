package io.reckoning.standalone;

import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.messages.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail of a run on the standalone engine, over HTTP: history, audit check, bundle and the offline verifier
 * (its jar, run as a user runs it); then a superuser goes behind the engine's back, with the triggers disabled, and
 * the audit finds out.
 */
class AuditIT {

    private static final Path VERIFIER = Path.of("../../audit-verifier/target/audit-verifier.jar");

    @TempDir
    static Path dataDir;
    @TempDir
    Path files;
    private static InProcessEngine engine;
    private static EngineClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    /** What the verifier said. */
    record Verdict(int exitCode, String output) {
    }

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir);
        client = engine.client();
        assertThat(client.post("/api/workflows", EngineClient.demoWorkflow()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldServeTheHistoryInPagesAndAsNdjsonWithEveryEventLinkedToTheOneBefore() throws Exception {
        String runId = succeededRun();
        List<JsonNode> all = new ArrayList<>();
        String next = "/api/runs/" + runId + "/events?limit=4";
        while (next != null) {
            JsonNode page = client.get(next).body();
            page.get("events").forEach(all::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }

        assertThat(all).extracting(event -> event.get("sequence").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, all.size()).boxed().toList());
        assertThat(all.get(0).get("type").asText()).isEqualTo("RunStarted");
        assertThat(all.get(0).get("prevHash").asText()).isEqualTo(HashChain.GENESIS);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("prevHash").asText()).isEqualTo(all.get(i - 1).get("hash").asText());
            assertThat(all.get(i).get("timestamp").asText()).isNotBlank();
            assertThat(all.get(i).has("payload")).isTrue();
        }

        HttpResponse<String> ndjson = http.send(engine.client().request(base().resolve("/api/runs/" + runId + "/events"))
                .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ndjson.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = ndjson.body().lines().toList();
        assertThat(lines).hasSize(all.size());
        assertThat(EngineClient.JSON.readTree(lines.get(lines.size() - 1)).get("hash").asText())
                .isEqualTo(all.get(all.size() - 1).get("hash").asText());

        assertThat(client.get("/api/runs/" + runId + "/events?limit=0").status()).isEqualTo(400);
        assertThat(client.get("/api/runs/no-such-run/events").status()).isEqualTo(404);
        assertThat(client.get("/api/runs/no-such-run/audit").status()).isEqualTo(404);
        assertThat(client.get("/api/runs/no-such-run/audit-bundle").status()).isEqualTo(404);
    }

    @Test
    void shouldAuditAnUntouchedRunAsValidAndEqualToTheReadModelAndExportABundleTheVerifierAccepts() throws Exception {
        String runId = succeededRun();

        JsonNode audit = client.get("/api/runs/" + runId + "/audit").body();
        assertThat(audit.get("chain").get("valid").asBoolean()).isTrue();
        assertThat(audit.get("chain").get("publishedHeadsChecked").asInt()).isEqualTo(audit.get("chain").get("events").asInt());
        assertThat(audit.get("derived").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(audit.get("derived").get("steps")).extracting(step -> step.get("status").asText())
                .containsOnly("SUCCEEDED");
        assertThat(audit.get("matchesReadModel").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.get("differences")).isEmpty();

        Path bundle = bundle(runId);
        JsonNode bundleJson = EngineClient.JSON.readTree(bundle.toFile());
        assertThat(bundleJson.get("definition").get("definition").get("name").asText()).isEqualTo("demo");
        assertThat(bundleJson.get("head").get("hash").asText()).isEqualTo(audit.get("chain").get("head").get("hash").asText());
        Verdict verdict = verify(bundle, publishedHeads());
        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(verdict.output()).contains("VALID");
    }

    @Test
    void shouldNameTheEventWhosePayloadASuperuserChanged() throws Exception {
        String runId = succeededRun();
        behindTheEnginesBack("update command.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'holds', 'refuted'), 'UTF8') where aggregate_identifier = ? and payload_type = 'StepAttested'", runId);
        long changed = sequenceOf(runId, "StepAttested");

        JsonNode chain = client.get("/api/runs/" + runId + "/audit").body().get("chain");
        assertThat(chain.get("valid").asBoolean()).isFalse();
        assertThat(chain.get("brokenAt").asLong()).isEqualTo(changed);
        assertThat(chain.get("problem").asText()).contains("changed");

        Verdict verdict = verify(bundle(runId), null);
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.output()).contains("BROKEN at sequence " + changed);
    }

    @Test
    void shouldFindTheLastEventASuperuserDeletedFromThePublishedHeads() throws Exception {
        String runId = succeededRun();
        long last = sequenceOf(runId, "RunSucceeded");
        behindTheEnginesBack("delete from command.domain_event_entry where aggregate_identifier = ? and payload_type = 'RunSucceeded'", runId);

        JsonNode audit = client.get("/api/runs/" + runId + "/audit").body();
        assertThat(audit.get("chain").get("valid").asBoolean()).isFalse();
        assertThat(audit.get("chain").get("brokenAt").asLong()).isEqualTo(last);
        assertThat(audit.get("chain").get("problem").asText()).contains("removed");
        assertThat(audit.get("derived").get("status").asText()).isEqualTo("RUNNING");
        assertThat(audit.get("matchesReadModel").asBoolean()).isFalse();
        assertThat(audit.get("differences").toString()).contains("Run status: the events say RUNNING, the read model says SUCCEEDED");

        Path bundle = bundle(runId);
        assertThat(verify(bundle, null).exitCode()).as("what is left is a valid chain").isZero();
        Verdict verdict = verify(bundle, publishedHeads());
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.output()).contains("BROKEN at sequence " + last);
    }

    @Test
    void shouldFindAConsistentlyRewrittenChainFromThePublishedHeads() throws Exception {
        String runId = succeededRun();
        long forged = sequenceOf(runId, "StepAttested");
        rewriteFrom(runId, forged);

        JsonNode chain = client.get("/api/runs/" + runId + "/audit").body().get("chain");
        assertThat(chain.get("valid").asBoolean()).isFalse();
        assertThat(chain.get("brokenAt").asLong()).isEqualTo(forged);
        assertThat(chain.get("problem").asText()).contains("rewritten");

        Path bundle = bundle(runId);
        assertThat(verify(bundle, null).exitCode()).as("the chain alone cannot tell").isZero();
        Verdict verdict = verify(bundle, publishedHeads());
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.output()).contains("BROKEN at sequence " + forged).contains("rewritten");
    }

    /** A demo run attested and succeeded, its read model caught up and every event published. */
    private String succeededRun() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        assertThat(client.attest(runId, "b", "SUCCEEDED").status()).isEqualTo(202);
        client.awaitRun(runId, "SUCCEEDED");
        Awaitility.await("audited").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get("/api/runs/" + runId + "/audit").body(), audit -> audit.get("matchesReadModel").asBoolean()
                        && audit.get("chain").get("publishedHeadsChecked").asInt() == audit.get("chain").get("events").asInt());
        return runId;
    }

    private URI base() {
        return client.commandsBase();
    }

    private Path bundle(String runId) throws IOException, InterruptedException {
        Path file = Files.createTempFile(files, "bundle-", ".json");
        HttpResponse<Path> response = http.send(engine.client().request(base().resolve("/api/runs/" + runId + "/audit-bundle")).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        return file;
    }

    /** Every message on reckoning.run-events, one per line, as kafka-console-consumer --from-beginning prints them. */
    private Path publishedHeads() throws IOException {
        Path file = Files.createTempFile(files, "heads-", ".ndjson");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engine.property("spring.kafka.bootstrap-servers"),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RUN_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> lines = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    lines.add(record.value());
                }
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        return file;
    }

    private static Verdict verify(Path bundle, Path heads) throws IOException, InterruptedException {
        assertThat(VERIFIER).as("the verifier's jar, built by the reactor").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", VERIFIER.toString(), bundle.toString()));
        if (heads != null) {
            command.addAll(List.of("--heads", heads.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Verdict(process.waitFor(), output);
    }

    private static long sequenceOf(String runId, String type) throws SQLException {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "select sequence_number from command.domain_event_entry where aggregate_identifier = ? and payload_type = ?")) {
            select.setString(1, runId);
            select.setString(2, type);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    /** What a superuser can do: disable the triggers, change the table, enable them again. */
    private static void behindTheEnginesBack(String sql, String runId) throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute("alter table command.domain_event_entry disable trigger user");
            try (PreparedStatement change = connection.prepareStatement(sql)) {
                change.setString(1, runId);
                assertThat(change.executeUpdate()).isEqualTo(1);
            } finally {
                connection.createStatement().execute("alter table command.domain_event_entry enable trigger user");
            }
        }
    }

    /** Forges the attestation's verdict and recomputes every hash from there on, as a careful forger would. */
    private static void rewriteFrom(String runId, long forged) throws SQLException {
        try (Connection connection = connect()) {
            List<ChainedEvent> stream = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select sequence_number, event_identifier, payload_type,"
                    + " payload_revision, time_stamp, payload, meta_data from command.domain_event_entry"
                    + " where aggregate_identifier = ? order by sequence_number")) {
                select.setString(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stream.add(ChainedEvent.stored(runId, row.getLong(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5), HashChain.parse(row.getBytes(6)), HashChain.parse(row.getBytes(7))));
                    }
                }
            }
            connection.createStatement().execute("alter table command.domain_event_entry disable trigger user");
            try (PreparedStatement update = connection.prepareStatement("update command.domain_event_entry set payload = ?,"
                    + " meta_data = ? where aggregate_identifier = ? and sequence_number = ?")) {
                String previous = stream.get((int) forged - 1).hash();
                for (ChainedEvent event : stream.subList((int) forged, stream.size())) {
                    JsonNode payload = event.sequence() == forged
                            ? HashChain.parse(HashChain.canonical(event.payload()).replace("holds", "refuted").getBytes(StandardCharsets.UTF_8))
                            : event.payload();
                    ChainedEvent unhashed = new ChainedEvent(runId, event.sequence(), event.eventId(), event.type(),
                            event.version(), event.timestamp(), payload, event.metadata(), previous, null);
                    String hash = HashChain.hash(previous, unhashed);
                    ChainedEvent rewritten = new ChainedEvent(runId, event.sequence(), event.eventId(), event.type(),
                            event.version(), event.timestamp(), payload, event.metadata(), previous, hash);
                    update.setBytes(1, HashChain.canonical(payload).getBytes(StandardCharsets.UTF_8));
                    update.setBytes(2, HashChain.canonical(rewritten.storedMetadata()).getBytes(StandardCharsets.UTF_8));
                    update.setString(3, runId);
                    update.setLong(4, event.sequence());
                    assertThat(update.executeUpdate()).isEqualTo(1);
                    previous = hash;
                }
            } finally {
                connection.createStatement().execute("alter table command.domain_event_entry enable trigger user");
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(engine.database().jdbcUrl(), engine.database().username(), engine.database().password());
    }
}
