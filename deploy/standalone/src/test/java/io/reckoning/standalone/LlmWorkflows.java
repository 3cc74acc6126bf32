package io.reckoning.standalone;

import tools.jackson.databind.JsonNode;

/** The workflows with an llm step that the end-to-end tests run, and how to read their runs. */
final class LlmWorkflows {

    private LlmWorkflows() {
    }

    /** ask (llm, the prompt built from the input {@code topic}) → report (a transform of the answer). */
    static String review(String name, String retry) {
        return """
                {"name":"%s","inputs":{"topic":{"type":"string","required":true}},"steps":[
                  {"id":"ask","type":"llm","system":"Be brief.",
                   "prompt":"Summarize {{ inputs.topic }} in one sentence."%s},
                  {"id":"report","type":"transform","needs":["ask"],
                   "output":{"summary":"{{ steps.ask.output.text }}"}}]}""".formatted(name,
                retry == null ? "" : ",\"retry\":" + retry);
    }

    static JsonNode step(JsonNode run, String stepId) {
        for (JsonNode step : run.get("steps")) {
            if (stepId.equals(step.get("stepId").asText())) {
                return step;
            }
        }
        throw new AssertionError("No step " + stepId + " in " + run);
    }

    /** The resolved input of the step's first {@code StepScheduled}. */
    static JsonNode scheduledInput(EngineClient client, String runId, String stepId) {
        for (JsonNode event : client.get("/api/runs/" + runId + "/events").body().get("events")) {
            if (event.get("type").asText().equals("StepScheduled")
                    && event.get("payload").get("stepId").asText().equals(stepId)) {
                return event.get("payload").get("input");
            }
        }
        throw new AssertionError("No StepScheduled for " + stepId);
    }
}
