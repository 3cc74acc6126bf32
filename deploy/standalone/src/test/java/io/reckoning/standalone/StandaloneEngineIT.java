package io.reckoning.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone engine in this JVM, with its own embedded broker, driven over HTTP. */
class StandaloneEngineIT {

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir);
        client = engine.client();
        RunScenario.registerTwiceGivesOneVersion(client);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldWaitForTheAttestationThenSucceed() {
        RunScenario.waitsForAttestationThenSucceeds(client);
    }

    @Test
    void shouldFailTheRunAndNeverScheduleDownstreamWhenAttestedFailed() {
        RunScenario.failedAttestationFailsTheRunAndSkipsDownstream(client);
    }

    @Test
    void shouldAnswerTheSameRunForTheSameIdempotencyKey() {
        Map<String, Object> request = Map.of("workflow", "demo", "idempotencyKey", "order-42",
                "inputs", Map.of("paper_url", "https://example.org/a.pdf"));
        String first = client.startRun(request);
        EngineClient.Response again = client.post("/api/runs", request);
        EngineClient.Response different = client.post("/api/runs", Map.of("workflow", "demo", "idempotencyKey", "order-42",
                "inputs", Map.of("paper_url", "https://example.org/other.pdf")));

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("runId").asText()).isEqualTo(first);
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.body().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void shouldRefuseToAttestAStepThatIsNotWaiting() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");

        EngineClient.Response notWaiting = client.attest(runId, "a", "SUCCEEDED");
        EngineClient.Response unknownStep = client.attest(runId, "zz", "SUCCEEDED");
        EngineClient.Response unknownRun = client.attest("00000000-0000-0000-0000-000000000000", "b", "SUCCEEDED");

        assertThat(notWaiting.status()).isEqualTo(409);
        assertThat(notWaiting.contentType()).startsWith("application/problem+json");
        assertThat(notWaiting.body().get("stepStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(unknownStep.status()).isEqualTo(404);
        assertThat(unknownStep.body().get("type").asText()).isEqualTo("/problems/step-not-found");
        assertThat(unknownRun.status()).isEqualTo(404);
        assertThat(unknownRun.body().get("type").asText()).isEqualTo("/problems/run-not-found");
    }

    @Test
    void shouldListEveryProblemOfAnInvalidRequest() {
        EngineClient.Response workflow = client.post("/api/workflows",
                "{\"name\":\"Bad Name\",\"steps\":[{\"id\":\"a\",\"type\":\"nope\",\"needs\":[\"ghost\"]}]}");
        EngineClient.Response inputs = client.post("/api/runs", Map.of("workflow", "demo", "inputs", Map.of("x", 1)));
        EngineClient.Response attestation = client.post("/api/runs/r/steps/b/attestation",
                "{\"outcome\":\"SUCCEEDED\",\"artifacts\":[{\"name\":\"\",\"uri\":\"s3://x\",\"sha256\":\"xyz\",\"sizeBytes\":-1,\"mediaType\":\"text/plain\"}]}");
        EngineClient.Response malformed = client.post("/api/runs", "{not json");
        EngineClient.Response attester = client.post("/api/runs/r/steps/b/attestation",
                "{\"outcome\":\"SUCCEEDED\",\"attestedBy\":\"mallory\"}");

        assertThat(workflow.status()).isEqualTo(400);
        assertThat(workflow.body().get("errors")).extracting(error -> error.get("pointer").asText())
                .containsExactlyInAnyOrder("/name", "/steps/0/type", "/steps/0/needs/0");
        assertThat(inputs.status()).isEqualTo(400);
        assertThat(inputs.body().get("errors")).extracting(error -> error.get("pointer").asText())
                .containsExactlyInAnyOrder("/inputs/paper_url", "/inputs/x");
        assertThat(attestation.status()).isEqualTo(400);
        assertThat(attestation.body().get("errors")).hasSize(3);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/body-unreadable");
        assertThat(attester.status()).isEqualTo(400);
        assertThat(attester.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseABodyLargerThanOneKafkaMessageBeforeCommittingAnything() {
        String huge = "x".repeat(2 * 1024 * 1024);
        EngineClient.Response tooLarge = client.post("/api/runs",
                Map.of("workflow", "demo", "inputs", Map.of("paper_url", huge)));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("type").asText()).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void shouldReportHealthAsTheRunbookPromises() {
        JsonNode health = client.get("/api/health").body();

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("db_size_mb").asDouble()).isPositive();
        assertThat(health.get("disk_free_gb").asDouble()).isPositive();
        assertThat(health.get("uptime").asLong()).isNotNegative();
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(client.get("/db/ping").body().get("status").asText()).isEqualTo("ok");
        assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void shouldPageTheRunList() {
        for (int i = 0; i < 3; i++) {
            client.startDemoRun();
        }
        JsonNode first = client.get("/api/runs?workflow=demo&limit=2").body();
        JsonNode second = client.get("/api/runs?workflow=demo&limit=2&cursor=" + first.get("nextCursor").asText()).body();

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items").get(0).get("runId").asText())
                .isNotIn(first.get("items").get(0).get("runId").asText(), first.get("items").get(1).get("runId").asText());
        assertThat(client.get("/api/runs?status=BOGUS").status()).isEqualTo(400);
    }
}
