package io.reckoning.executor.execution.llm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reckoning.executor.execution.llm.ProviderServer.Reply;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One llm attempt from task to result, against a local OpenAI-compatible server: the output records answer, model,
 * finish reason, usage and latency; JSON answers are parsed and checked; failures keep their class; meters count.
 */
class LlmExecutorTest {

    private static final Map<String, Object> VERDICT_SCHEMA = Map.of("type", "object",
            "required", List.of("plausible"), "properties", Map.of("plausible", Map.of("type", "boolean")));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ProviderServer server;
    private LlmExecutor executor;

    @BeforeEach
    void start() throws IOException {
        server = new ProviderServer(Reply.json(200, WireFormats.openAi("Paris.", "stop", 9, 2)));
        LlmProperties properties = new LlmProperties("openai", "gpt-test", OpenAiProviderTest.KEY, server.uri("/v1"),
                Duration.ofSeconds(5), 2, 0.0, 100);
        executor = new LlmExecutor(new OpenAiProvider(OpenAiProviderTest.http(properties), properties), properties,
                new LlmMetrics(registry));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRecordAnswerProviderModelFinishReasonUsageAndLatency() {
        StepResult result = executor.execute(task(Map.of("prompt", "Capital of France?")));

        assertThat(result.kind()).isEqualTo(StepResult.SUCCEEDED);
        assertThat(output(result)).containsEntry("text", "Paris.").containsEntry("provider", "openai")
                .containsEntry("model", "gpt-test-2024").containsEntry("finishReason", "stop")
                .containsEntry("usage", Map.of("inputTokens", 9L, "outputTokens", 2L))
                .containsKey("latencyMs").doesNotContainKeys("fake", "json");
        assertThat(result.usage()).isEqualTo(Map.of("inputTokens", 9L, "outputTokens", 2L));
    }

    @Test
    void shouldAskTheStepsModelAndFallBackToTheConfiguredOne() {
        executor.execute(task(Map.of("prompt", "Hi.", "model", "other-model")));
        assertThat(server.last().body()).contains("\"model\":\"other-model\"");

        executor.execute(task(Map.of("prompt", "Hi.")));
        assertThat(server.last().body()).contains("\"model\":\"gpt-test\"");
    }

    @Test
    void shouldParseAJsonAnswerThatSatisfiesTheSchemaEvenInsideACodeFence() {
        server.enqueue(Reply.json(200, WireFormats.openAi("```json\n{\"plausible\": true}\n```", "stop", 30, 6)));

        StepResult result = executor.execute(task(jsonInput(VERDICT_SCHEMA)));

        assertThat(result.kind()).isEqualTo(StepResult.SUCCEEDED);
        assertThat(output(result)).containsEntry("json", Map.of("plausible", true)).doesNotContainKey("text");
    }

    @Test
    void shouldFailAJsonAnswerThatViolatesTheSchemaWithTheValidationErrors() {
        server.enqueue(Reply.json(200, WireFormats.openAi("{\"plausible\": \"maybe\"}", "stop", 30, 6)));

        StepResult result = executor.execute(task(jsonInput(VERDICT_SCHEMA)));

        assertThat(result.kind()).isEqualTo(StepResult.FAILED);
        assertThat(result.error().code()).isEqualTo("invalid_response");
        assertThat(result.error().message()).contains("does not satisfy").contains("plausible").contains("boolean");
        assertThat(result.retryable()).isFalse();
        assertThat(registry.get(LlmMetrics.REQUESTS).tags("outcome", "invalid_response").counter().count()).isEqualTo(1);
        assertThat(registry.get(LlmMetrics.TOKENS).tags("kind", "output").counter().count())
                .as("the rejected answer's tokens were spent").isEqualTo(6);
    }

    @Test
    void shouldFailAnAnswerThatIsNotJsonWhereJsonWasAskedFor() {
        server.enqueue(Reply.json(200, WireFormats.openAi("Yes, it is plausible.", "stop", 30, 6)));

        StepResult result = executor.execute(task(jsonInput(null)));

        assertThat(result.error().code()).isEqualTo("invalid_response");
        assertThat(result.error().message()).contains("not JSON");
    }

    @Test
    void shouldReportARateLimitAsRetryableWithTheWaitTheProviderAskedFor() {
        server.enqueue(Reply.json(429, "{}").withHeader("Retry-After", "20"));

        StepResult result = executor.execute(task(Map.of("prompt", "Hi.")));

        assertThat(result.kind()).isEqualTo(StepResult.FAILED);
        assertThat(result.error().code()).isEqualTo("rate_limited");
        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).isEqualTo("PT20S");
    }

    @Test
    void shouldReportAServerErrorAsARetryableProviderError() {
        server.enqueue(Reply.json(500, WireFormats.openAiError("server_error", "server_error", "Boom.")));

        StepResult result = executor.execute(task(Map.of("prompt", "Hi.")));

        assertThat(result.error().code()).isEqualTo("provider_error");
        assertThat(result.error().message()).contains("500").contains("Boom.");
        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).isNull();
    }

    @Test
    void shouldCountRequestsByOutcomeTokensByKindAndLatency() {
        executor.execute(task(Map.of("prompt", "Hi.")));
        server.enqueue(Reply.json(401, "{}"));
        executor.execute(task(Map.of("prompt", "Hi.")));

        assertThat(registry.get(LlmMetrics.REQUESTS).tags("provider", "openai", "model", "gpt-test", "outcome",
                "success").counter().count()).isEqualTo(1);
        assertThat(registry.get(LlmMetrics.REQUESTS).tags("outcome", "auth").counter().count()).isEqualTo(1);
        assertThat(registry.get(LlmMetrics.TOKENS).tags("kind", "input").counter().count()).isEqualTo(9);
        assertThat(registry.get(LlmMetrics.TOKENS).tags("kind", "output").counter().count()).isEqualTo(2);
        assertThat(registry.get(LlmMetrics.LATENCY).tags("provider", "openai", "model", "gpt-test").timer().count())
                .isEqualTo(2);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString())
                .doesNotContain(OpenAiProviderTest.KEY));
    }

    @Test
    void shouldMarkEveryOutputOfTheFakeProviderAndShapeJsonByTheSchema() {
        LlmProperties fake = new LlmProperties(null, null, null, null, null, null, null, null);
        LlmExecutor fakeExecutor = new LlmExecutor(new FakeProvider(), fake, new LlmMetrics(registry));

        Map<String, Object> text = output(fakeExecutor.execute(task(Map.of("prompt", "Capital of France?"))));
        Map<String, Object> json = output(fakeExecutor.execute(task(jsonInput(VERDICT_SCHEMA))));

        assertThat(text).containsEntry("fake", true).containsEntry("provider", "fake")
                .containsEntry("text", "Fake answer to: Capital of France?");
        assertThat(json).containsEntry("fake", true).containsEntry("json", Map.of("plausible", true));
        assertThat(fakeExecutor.execute(task(Map.of("prompt", "Capital of France?"))).output())
                .as("deterministic apart from latency").usingRecursiveComparison().ignoringFields("latencyMs")
                .isEqualTo(fakeExecutor.execute(task(Map.of("prompt", "Capital of France?"))).output());
    }

    @Test
    void shouldFailATaskWithoutAPromptAsAnExecutorError() {
        StepResult result = executor.execute(task(Map.of("system", "No prompt.")));

        assertThat(result.error().code()).isEqualTo("executor_error");
        assertThat(server.received()).isEmpty();
    }

    private static Map<String, Object> jsonInput(Map<String, Object> schema) {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("type", "json");
        if (schema != null) {
            format.put("schema", schema);
        }
        return Map.of("prompt", "Is it plausible?", "responseFormat", format);
    }

    private static StepTask task(Map<String, Object> input) {
        return new StepTask("run-1", "ask", 1, "llm", input, Instant.now().plusSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> output(StepResult result) {
        assertThat(result.kind()).as("%s", result.error()).isEqualTo(StepResult.SUCCEEDED);
        return (Map<String, Object>) result.output();
    }
}
