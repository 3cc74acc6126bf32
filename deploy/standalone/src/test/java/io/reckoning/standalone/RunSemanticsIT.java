package io.reckoning.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run semantics a Temporal or Conductor user expects, shown over HTTP on the standalone engine: fan-out and
 * fan-in, retries, timeouts, durable timers, cancel and rerun.
 */
class RunSemanticsIT {

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir, "--reckoning.command.timer-poll-interval=PT0.2S");
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
    void shouldJoinParallelBranchesOnlyWhenBothSucceeded() {
        register("""
                {"name":"diamond","steps":[
                  {"id":"a","type":"transform","output":{"x":1}},
                  {"id":"b","type":"transform","needs":["a"],"output":{"fromA":"{{ steps.a.output.x }}"}},
                  {"id":"c","type":"transform","needs":["a"],"output":{"y":2}},
                  {"id":"d","type":"transform","needs":["b","c"],
                   "output":{"b":"{{ steps.b.output.fromA }}","c":"{{ steps.c.output.y }}"}}]}""");
        String runId = start("diamond");

        JsonNode run = client.awaitRun(runId, "SUCCEEDED");
        assertThat(step(run, "d").get("output").get("b").asInt()).isEqualTo(1);
        assertThat(step(run, "d").get("output").get("c").asInt()).isEqualTo(2);
        List<String> scheduled = scheduledSteps(runId);
        assertThat(scheduled.indexOf("d")).isEqualTo(3);
        assertThat(scheduled.subList(1, 3)).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void shouldRetryAStepThatTimedOutAndSucceedOnTheNextAttempt() {
        register("""
                {"name":"retry-then-success","steps":[{"id":"review","type":"external","instructions":"Look at it",
                  "timeout":"PT1S","retry":{"maxAttempts":2,"backoff":"PT0.2S"}}]}""");
        String runId = start("retry-then-success");

        JsonNode waitingAgain = client.awaitUntil(runId, run -> step(run, "review").get("attempt").asInt() == 2
                && "WAITING".equals(step(run, "review").get("status").asText()));
        assertThat(waitingAgain.get("run").get("status").asText()).isEqualTo("WAITING");
        assertThat(client.attest(runId, "review", "SUCCEEDED").status()).isEqualTo(202);

        client.awaitRun(runId, "SUCCEEDED");
        assertThat(client.eventTypes(runId)).containsSubsequence("StepTimedOut", "StepRetryScheduled", "StepScheduled",
                "StepAttested", "RunSucceeded");
    }

    @Test
    void shouldFailTheRunWhenRetriesAreExhausted() {
        register("""
                {"name":"retry-exhausted","steps":[
                  {"id":"review","type":"external","instructions":"Nobody will","timeout":"PT0.5S",
                   "retry":{"maxAttempts":2,"backoff":"PT0.2S"}},
                  {"id":"after","type":"transform","needs":["review"],"output":{"never":true}}]}""");
        String runId = start("retry-exhausted");

        JsonNode failed = client.awaitRun(runId, "FAILED");
        assertThat(step(failed, "review").get("attempt").asInt()).isEqualTo(2);
        assertThat(step(failed, "after").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(failed.get("run").get("error").get("code").asText()).isEqualTo("timed_out");
        assertThat(client.eventTypes(runId).stream().filter("StepTimedOut"::equals)).hasSize(2);
    }

    @Test
    void shouldFinishAWaitStepWhenItsTimerIsDue() {
        register("""
                {"name":"timer","steps":[
                  {"id":"pause","type":"wait","duration":"PT1S"},
                  {"id":"after","type":"transform","needs":["pause"],"output":{"done":true}}]}""");
        Instant started = Instant.now();
        String runId = start("timer");

        JsonNode run = client.awaitRun(runId, "SUCCEEDED");
        Instant waited = Instant.parse(step(run, "pause").get("endedAt").asText());
        assertThat(Duration.between(started, waited)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(step(run, "pause").get("output").get("waitedUntil").asText()).isNotBlank();
    }

    @Test
    void shouldFailARunThatOutlivesItsTimeout() {
        register("""
                {"name":"deadline","timeout":"PT1S","steps":[{"id":"review","type":"external","instructions":"Too slow"}]}""");
        String runId = start("deadline");

        JsonNode failed = client.awaitRun(runId, "FAILED");
        assertThat(failed.get("run").get("error").get("code").asText()).isEqualTo("run_timed_out");
    }

    @Test
    void shouldCancelAWaitingRunAndRefuseWhatComesAfter() {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");

        EngineClient.Response cancelled = client.post("/api/runs/" + runId + "/cancel", Map.of("reason", "no longer needed"));
        assertThat(cancelled.status()).isEqualTo(202);
        JsonNode run = client.awaitRun(runId, "CANCELLED");
        assertThat(run.get("steps")).extracting(s -> s.get("status").asText())
                .containsExactly("SUCCEEDED", "CANCELLED", "CANCELLED");
        assertThat(run.get("run").get("cancelReason").asText()).isEqualTo("no longer needed");

        EngineClient.Response attest = client.attest(runId, "b", "SUCCEEDED");
        EngineClient.Response again = client.post("/api/runs/" + runId + "/cancel", Map.of("reason", "twice"));
        EngineClient.Response noReason = client.post("/api/runs/" + runId + "/cancel", Map.of());
        assertThat(attest.status()).isEqualTo(409);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).isEqualTo("/problems/run-final");
        assertThat(noReason.status()).isEqualTo(400);
    }

    @Test
    void shouldRerunFromAStepReusingWhatSucceededUpstream() {
        String original = client.startDemoRun();
        client.awaitRun(original, "WAITING");
        client.attest(original, "b", "SUCCEEDED");
        client.awaitRun(original, "SUCCEEDED");
        List<String> originalEvents = client.eventTypes(original);

        EngineClient.Response fromC = client.post("/api/runs/" + original + "/rerun", Map.of("fromStep", "c"));
        EngineClient.Response fromB = client.post("/api/runs/" + original + "/rerun", Map.of("fromStep", "b"));

        assertThat(fromC.status()).isEqualTo(202);
        assertThat(fromC.body().get("reusedSteps")).extracting(JsonNode::asText).containsExactly("a", "b");
        JsonNode rerun = client.awaitRun(fromC.body().get("runId").asText(), "SUCCEEDED");
        assertThat(rerun.get("run").get("rerunOf").asText()).isEqualTo(original);
        assertThat(step(rerun, "a").get("attempt").asInt()).isZero();
        assertThat(step(rerun, "c").get("attempt").asInt()).isEqualTo(1);
        assertThat(step(rerun, "c").get("output").get("verdict").asText()).isEqualTo("holds");

        JsonNode partial = client.awaitRun(fromB.body().get("runId").asText(), "WAITING");
        assertThat(step(partial, "b").get("status").asText()).isEqualTo("WAITING");
        assertThat(client.eventTypes(original)).as("the original run is untouched").isEqualTo(originalEvents);
        assertThat(client.post("/api/runs/" + original + "/rerun", Map.of("fromStep", "nope")).status()).isEqualTo(404);
    }

    private static void register(String definition) {
        assertThat(client.post("/api/workflows", definition).status()).isIn(200, 201);
    }

    private static String start(String workflow) {
        return client.startRun(Map.of("workflow", workflow, "inputs", Map.of()));
    }

    private static JsonNode step(JsonNode run, String stepId) {
        for (JsonNode step : run.get("steps")) {
            if (stepId.equals(step.get("stepId").asText())) {
                return step;
            }
        }
        throw new AssertionError("No step " + stepId);
    }

    private static List<String> scheduledSteps(String runId) {
        List<String> steps = new ArrayList<>();
        client.get("/api/runs/" + runId + "/events").body().get("events").forEach(event -> {
            if ("StepScheduled".equals(event.get("type").asText())) {
                steps.add(event.get("payload").get("stepId").asText());
            }
        });
        return steps;
    }
}
