package io.reckoning.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * llm steps on the standalone engine pointed at a local OpenAI-compatible server ({@link LocalOpenAiServer}): the
 * answer and its usage are recorded, a 500 fails the step and halts the run with the step after it SKIPPED, a 429
 * is retried no sooner than its Retry-After, and the key appears in no event, view or log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmStepIT {

    private static final String KEY = "sk-e2e-7d3a91c4b5-SECRET";

    @TempDir
    static Path dataDir;
    private static LocalOpenAiServer provider;
    private static InProcessEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() throws IOException {
        provider = new LocalOpenAiServer();
        engine = InProcessEngine.start(dataDir, "--reckoning.llm.provider=openai", "--reckoning.llm.model=local-model",
                "--reckoning.llm.api-key=" + KEY, "--reckoning.llm.base-url=" + provider.baseUrl(),
                "--reckoning.command.timer-poll-interval=PT0.2S");
        client = engine.client();
        register(LlmWorkflows.review("llm-review", null));
        register(LlmWorkflows.review("llm-review-retried", "{\"maxAttempts\":2,\"backoff\":\"PT0.1S\"}"));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void shouldRecordTheAnswerAndUsageOfTheProviderAndPassTheAnswerDownstream() {
        String runId = client.startRun(Map.of("workflow", "llm-review", "inputs", Map.of("topic", "quantum dots")));

        JsonNode run = client.awaitRun(runId, "SUCCEEDED");
        JsonNode answer = LlmWorkflows.step(run, "ask").get("output");
        assertThat(answer.get("text").asText()).isEqualTo("Answer: Summarize quantum dots in one sentence.");
        assertThat(answer.get("provider").asText()).isEqualTo("openai");
        assertThat(answer.get("model").asText()).isEqualTo("local-model-local");
        assertThat(answer.get("finishReason").asText()).isEqualTo("stop");
        assertThat(answer.get("usage").get("inputTokens").asLong()).isEqualTo(11);
        assertThat(answer.get("usage").get("outputTokens").asLong()).isEqualTo(5);
        assertThat(answer.get("latencyMs").isIntegralNumber()).isTrue();
        assertThat(answer.has("fake")).isFalse();
        assertThat(LlmWorkflows.step(run, "report").get("output").get("summary").asText())
                .isEqualTo("Answer: Summarize quantum dots in one sentence.");
        assertThat(provider.prompts()).contains("Summarize quantum dots in one sentence.");
        assertThat(provider.authorizations()).contains("Bearer " + KEY);
        assertThat(LlmWorkflows.scheduledInput(client, runId, "ask").get("prompt").asText())
                .as("the resolved prompt is in StepScheduled").isEqualTo("Summarize quantum dots in one sentence.");
    }

    @Test
    void shouldFailTheStepAndTheRunOnA500AndSkipTheStepsAfterIt() {
        String runId = client.startRun(Map.of("workflow", "llm-review", "inputs", Map.of("topic", "[500]")));

        JsonNode run = client.awaitRun(runId, "FAILED");
        JsonNode ask = LlmWorkflows.step(run, "ask");
        assertThat(ask.get("status").asText()).isEqualTo("FAILED");
        assertThat(ask.get("error").get("code").asText()).isEqualTo("provider_error");
        assertThat(ask.get("error").get("message").asText()).contains("500");
        assertThat(LlmWorkflows.step(run, "report").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(client.eventTypes(runId)).containsSubsequence("StepStarted", "StepFailed", "RunFailed")
                .contains("StepSkipped").doesNotContain("StepRetryScheduled");
    }

    @Test
    void shouldRetryARateLimitedCallNoSoonerThanItsRetryAfter() {
        String runId = client.startRun(Map.of("workflow", "llm-review-retried", "inputs", Map.of("topic", "[429]")));

        client.awaitRun(runId, "SUCCEEDED");
        JsonNode events = client.get("/api/runs/" + runId + "/events").body().get("events");
        Instant failedAt = null;
        Instant retryAt = null;
        for (JsonNode event : events) {
            if (event.get("type").asText().equals("StepFailed")) {
                failedAt = Instant.parse(event.get("timestamp").asText());
                assertThat(event.get("payload").get("error").get("code").asText()).isEqualTo("rate_limited");
            }
            if (event.get("type").asText().equals("StepRetryScheduled")) {
                retryAt = Instant.parse(event.get("payload").get("retryAt").asText());
            }
        }
        assertThat(failedAt).isNotNull();
        assertThat(Duration.between(failedAt, retryAt)).as("Retry-After: 1 beats the 0.1 s backoff")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldKeepTheKeyOutOfEventsViewsAndLogsEvenWhenTheProviderEchoesIt(CapturedOutput output) {
        String runId = client.startRun(Map.of("workflow", "llm-review", "inputs", Map.of("topic", "[401]")));

        JsonNode run = client.awaitRun(runId, "FAILED");
        assertThat(LlmWorkflows.step(run, "ask").get("error").get("code").asText()).isEqualTo("auth");
        assertThat(run.toString()).doesNotContain(KEY);
        assertThat(client.get("/api/runs/" + runId + "/events").body().toString()).doesNotContain(KEY);
        assertThat(client.rawGet("/actuator/prometheus")).contains("reckoning_llm_requests").doesNotContain(KEY);
        assertThat(output.getAll()).contains("auth").doesNotContain(KEY);
    }

    private static void register(String workflow) {
        assertThat(client.post("/api/workflows", workflow).status()).isEqualTo(201);
    }
}
