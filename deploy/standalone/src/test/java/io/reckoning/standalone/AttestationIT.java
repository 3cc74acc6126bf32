package io.reckoning.standalone;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's side of an external step, over HTTP on the standalone engine. */
class AttestationIT {

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;
    private static URI base;

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir);
        client = engine.client();
        base = client.commandsBase();
        assertThat(client.post("/api/workflows", EngineClient.demoWorkflow()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldAcceptExactlyOneOfTwentySimultaneousAttestations() throws Exception {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        String body = EngineClient.JSON.writeValueAsString(Map.of("outcome", "SUCCEEDED", "output", Map.of("verdict", "holds")));
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = IntStream.range(0, 20).mapToObj(i -> pool.submit(() -> {
                go.await();
                return http.send(engine.client().request(base.resolve("/api/runs/" + runId + "/steps/b/attestation"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            })).toList();
            go.countDown();
            List<Integer> statuses = answers.stream().map(EngineClient::join).toList();

            assertThat(statuses.stream().filter(status -> status == 202)).hasSize(1);
            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(19);
        } finally {
            pool.shutdown();
        }
        client.awaitRun(runId, "SUCCEEDED");
        assertThat(client.eventTypes(runId).stream().filter("StepAttested"::equals)).hasSize(1);
    }

    @Test
    void shouldAnswerARetriedAttestationWithTheFirstAnswer() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        Map<String, Object> attestation = Map.of("outcome", "SUCCEEDED", "output", Map.of("verdict", "holds"));

        EngineClient.Response first = client.post("/api/runs/" + runId + "/steps/b/attestation", attestation,
                Map.of("Idempotency-Key", "attest-1"));
        EngineClient.Response retried = client.post("/api/runs/" + runId + "/steps/b/attestation", attestation,
                Map.of("Idempotency-Key", "attest-1"));
        EngineClient.Response reused = client.post("/api/runs/" + runId + "/steps/b/attestation",
                Map.of("outcome", "FAILED"), Map.of("Idempotency-Key", "attest-1"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(reused.status()).isEqualTo(422);
        client.awaitRun(runId, "SUCCEEDED");
        assertThat(client.eventTypes(runId).stream().filter("StepAttested"::equals)).hasSize(1);
    }

    @Test
    void shouldRefuseAnOutputOverTheLimitAndAnyoneButTheAttestors() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        EngineClient.Response tooBig = client.post("/api/runs/" + runId + "/steps/b/attestation",
                Map.of("outcome", "SUCCEEDED", "output", Map.of("blob", "x".repeat(300 * 1024))));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().get("errors").get(0).get("pointer").asText()).isEqualTo("/output");

        assertThat(client.post("/api/workflows", """
                {"name":"guarded","steps":[{"id":"check","type":"external","instructions":"Only Dr Chen",
                  "attestors":["dr.chen"]}]}""").status()).isEqualTo(201);
        String guarded = client.startRun(Map.of("workflow", "guarded"));
        client.awaitRun(guarded, "WAITING");
        EngineClient.Response forbidden = client.attest(guarded, "check", "SUCCEEDED");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("type").asText()).isEqualTo("/problems/attestation-forbidden");
        assertThat(client.eventTypes(guarded)).doesNotContain("StepAttested");
    }

    @Test
    void shouldListWaitingStepsThenRecordTheAttestedArtifactsAndTheTrustScore() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        JsonNode inbox = client.get("/api/attestations/pending?workflow=demo").body().get("items");
        JsonNode mine = null;
        for (JsonNode item : inbox) {
            if (runId.equals(item.get("runId").asText())) {
                mine = item;
            }
        }
        assertThat(mine).as("the waiting step is in the operator inbox").isNotNull();
        assertThat(mine.get("stepId").asText()).isEqualTo("b");
        assertThat(mine.get("instructions").asText()).contains("https://example.org/p.pdf");

        assertThat(client.attest(runId, "b", "SUCCEEDED").status()).isEqualTo(202);
        client.awaitRun(runId, "SUCCEEDED");

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/api/runs/" + runId + "/artifacts").body().get("items").size() == 1);
        JsonNode artifact = client.get("/api/runs/" + runId + "/artifacts").body().get("items").get(0);
        assertThat(artifact.get("stepId").asText()).isEqualTo("b");
        assertThat(artifact.get("recordedBy").asText()).isEqualTo("admin");
        JsonNode bySha = client.get("/api/artifacts?sha256=" + artifact.get("sha256").asText()).body().get("items");
        assertThat(bySha).extracting(item -> item.get("runId").asText()).contains(runId);
        assertThat(client.get("/api/artifacts?sha256=nothex").status()).isEqualTo(400);

        JsonNode trust = client.get("/api/workflows/demo/trust").body();
        assertThat(trust.get("workflow").asText()).isEqualTo("demo");
        assertThat(trust.get("steps")).isNotEmpty();
    }

    @Test
    void shouldCorrectASucceededStepAndKeepTheOriginalInTheHistory() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");

        EngineClient.Response correction = client.post("/api/runs/" + runId + "/steps/a/corrections",
                Map.of("output", Map.of("url", "https://example.org/corrected.pdf"), "reason", "Wrong link."));
        EngineClient.Response notYet = client.post("/api/runs/" + runId + "/steps/b/corrections",
                Map.of("output", Map.of(), "reason", "Too early."));

        assertThat(correction.status()).isEqualTo(202);
        assertThat(notYet.status()).isEqualTo(409);
        JsonNode run = client.awaitUntil(runId, view -> "https://example.org/corrected.pdf".equals(
                view.get("steps").get(0).get("output").get("url").asText()));
        assertThat(run.get("steps").get(0).get("corrections").get(0).get("reason").asText()).isEqualTo("Wrong link.");
        JsonNode history = client.get("/api/runs/" + runId + "/events").body().get("events");
        assertThat(history.toString()).contains("https://example.org/p.pdf").contains("StepOutputCorrected");
    }
}
