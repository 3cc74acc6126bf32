package io.reckoning.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With no LLM_* settings the standalone engine runs llm steps on the fake provider, and says so in the output. */
class LlmFakeProviderIT {

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir);
        client = engine.client();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldRunTheDocumentedLlmWorkflowWithItsJsonAnswerCheckedAgainstItsSchema() throws IOException {
        String workflow = Files.readString(Path.of("../../docs/http/llm-workflow.json"));
        assertThat(client.post("/api/workflows", workflow).status()).isEqualTo(201);

        String runId = client.startRun(Map.of("workflow", "paper-verdict", "inputs", Map.of("abstract", "A claim.")));

        JsonNode run = client.awaitRun(runId, "SUCCEEDED");
        assertThat(LlmWorkflows.step(run, "verdict").get("output").get("json").get("plausible").asBoolean()).isTrue();
        assertThat(LlmWorkflows.step(run, "report").get("output").get("plausible").asBoolean()).isTrue();
    }

    @Test
    void shouldRunAWorkflowWithAnLlmStepOnTheFakeProvider() {
        assertThat(client.post("/api/workflows", LlmWorkflows.review("llm-review", null)).status()).isEqualTo(201);

        String runId = client.startRun(Map.of("workflow", "llm-review", "inputs", Map.of("topic", "quantum dots")));

        JsonNode run = client.awaitRun(runId, "SUCCEEDED");
        JsonNode answer = LlmWorkflows.step(run, "ask").get("output");
        assertThat(answer.get("fake").asBoolean()).isTrue();
        assertThat(answer.get("provider").asText()).isEqualTo("fake");
        assertThat(answer.get("text").asText()).isEqualTo("Fake answer to: Summarize quantum dots in one sentence.");
        assertThat(answer.get("usage").get("inputTokens").asLong()).isPositive();
        assertThat(LlmWorkflows.step(run, "report").get("output").get("summary").asText())
                .isEqualTo(answer.get("text").asText());
    }
}
