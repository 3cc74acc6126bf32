package io.reckoning.standalone;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario of the spine's definition of done, shared by the standalone and the three-services tests:
 * a (transform) → b (external) → c (transform).
 */
final class RunScenario {

    private RunScenario() {
    }

    static void registerTwiceGivesOneVersion(EngineClient engine) {
        EngineClient.Response first = engine.post("/api/workflows", EngineClient.demoWorkflow());
        EngineClient.Response again = engine.post("/api/workflows", EngineClient.demoWorkflow());

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asInt()).isEqualTo(first.body().get("version").asInt());
        assertThat(again.body().get("digest").asText()).isEqualTo(first.body().get("digest").asText()).startsWith("sha256:");
    }

    static void waitsForAttestationThenSucceeds(EngineClient engine) {
        String runId = engine.startDemoRun();

        JsonNode waiting = engine.awaitRun(runId, "WAITING");
        assertThat(EngineClient.stepStatus(waiting, "a")).isEqualTo("SUCCEEDED");
        assertThat(EngineClient.stepStatus(waiting, "b")).isEqualTo("WAITING");
        assertThat(EngineClient.stepStatus(waiting, "c")).isEqualTo("PENDING");

        assertThat(engine.attest(runId, "b", "SUCCEEDED").status()).isEqualTo(202);

        JsonNode done = engine.awaitRun(runId, "SUCCEEDED");
        assertThat(done.get("steps")).extracting(step -> step.get("status").asText())
                .containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        assertThat(done.get("steps").get(2).get("output").get("verdict").asText()).isEqualTo("holds");
        assertThat(done.get("artifacts")).hasSize(1);
        List<String> types = engine.eventTypes(runId);
        assertThat(types.get(0)).isEqualTo("RunStarted");
        assertThat(types.get(types.size() - 1)).isEqualTo("RunSucceeded");
        assertThat(types).containsSubsequence("RunWaiting", "StepAttested", "RunResumed");
    }

    static void failedAttestationFailsTheRunAndSkipsDownstream(EngineClient engine) {
        String runId = engine.startDemoRun();
        engine.awaitRun(runId, "WAITING");

        assertThat(engine.attest(runId, "b", "FAILED").status()).isEqualTo(202);

        JsonNode failed = engine.awaitRun(runId, "FAILED");
        assertThat(EngineClient.stepStatus(failed, "b")).isEqualTo("FAILED");
        assertThat(EngineClient.stepStatus(failed, "c")).isEqualTo("SKIPPED");
        assertThat(failed.get("run").get("failedStep").asText()).isEqualTo("b");
        List<JsonNode> scheduled = new ArrayList<>();
        engine.get("/api/runs/" + runId + "/events").body().get("events").forEach(event -> {
            if (event.get("type").asText().equals("StepScheduled")) {
                scheduled.add(event.get("payload").get("stepId"));
            }
        });
        assertThat(scheduled).extracting(JsonNode::asText).containsExactly("a", "b");
    }
}
