package io.reckoning.executor.execution.llm;

import io.reckoning.executor.execution.llm.ProviderServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The Anthropic client against a local server speaking the Messages API: headers, body, answers, each error. */
class AnthropicProviderTest {

    private static final String KEY = "sk-ant-test-0123456789-SECRET";

    private ProviderServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ProviderServer(Reply.json(200, WireFormats.anthropic("Hello.", "end_turn", 20, 4)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldPostAMessageWithKeyAndVersionHeadersAndReadAnswerAndUsage() {
        LlmAnswer answer = provider(Duration.ofSeconds(5)).complete(
                new LlmRequest("claude-test", "Be brief.", "Say hello.", 0.5, 64, false, null));

        ProviderServer.Received request = server.last();
        JsonNode body = AnswerFormat.JSON.readTree(request.body());
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo(AnthropicProvider.API_VERSION);
        assertThat(request.header("Authorization")).isNull();
        assertThat(body.path("model").asString()).isEqualTo("claude-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("system").asString()).isEqualTo("Be brief.");
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("Say hello.");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(answer).isEqualTo(new LlmAnswer("Hello.", "claude-test-2024", "end_turn", 20, 4));
    }

    @Test
    void shouldAskForJsonInTheSystemMessage() {
        provider(Duration.ofSeconds(5)).complete(new LlmRequest("claude-test", null, "Rate it.", null, 64, true, null));

        assertThat(AnswerFormat.JSON.readTree(server.last().body()).path("system").asString()).contains("JSON");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("401", Reply.json(401, WireFormats.anthropicError("authentication_error",
                        "invalid x-api-key")), LlmErrorClass.AUTH, false, null),
                arguments("403", Reply.json(403, WireFormats.anthropicError("permission_error", "Not allowed.")),
                        LlmErrorClass.AUTH, false, null),
                arguments("429 with Retry-After", Reply.json(429, WireFormats.anthropicError("rate_limit_error",
                        "Number of requests has exceeded your rate limit.")).withHeader("retry-after", "12"),
                        LlmErrorClass.RATE_LIMITED, true, Duration.ofSeconds(12)),
                arguments("500", Reply.json(500, WireFormats.anthropicError("api_error", "Internal server error")),
                        LlmErrorClass.PROVIDER_ERROR, true, null),
                arguments("529 overloaded", Reply.json(529, WireFormats.anthropicError("overloaded_error",
                        "Overloaded")), LlmErrorClass.PROVIDER_ERROR, true, null),
                arguments("400", Reply.json(400, WireFormats.anthropicError("invalid_request_error",
                        "prompt is too long")), LlmErrorClass.PROVIDER_ERROR, false, null),
                arguments("a malformed body", Reply.json(200, "{\"type\":\"message\""), LlmErrorClass.INVALID_RESPONSE,
                        false, null),
                arguments("no content", Reply.json(200, "{\"type\":\"message\",\"stop_reason\":\"end_turn\"}"),
                        LlmErrorClass.INVALID_RESPONSE, false, null),
                arguments("a refusal", Reply.json(200, WireFormats.anthropic("", "refusal", 10, 0)),
                        LlmErrorClass.INVALID_RESPONSE, false, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void shouldClassifyEachFailure(String what, Reply reply, LlmErrorClass errorClass, boolean retryable,
                                   Duration retryAfter) {
        server.enqueue(reply);

        LlmFailure failure = catchThrowableOfType(LlmFailure.class, () -> provider(Duration.ofSeconds(5))
                .complete(request()));

        assertThat(failure.errorClass()).isEqualTo(errorClass);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.retryAfter()).isEqualTo(retryAfter);
        assertThat(failure.getMessage()).doesNotContain(KEY);
    }

    @Test
    void shouldTimeOutAnAnswerSlowerThanTheTimeout() {
        server.enqueue(Reply.json(200, WireFormats.anthropic("late", "end_turn", 1, 1)).after(Duration.ofSeconds(3)));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class, () -> provider(Duration.ofMillis(300))
                .complete(request()));

        assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.TIMEOUT);
    }

    private AnthropicProvider provider(Duration timeout) {
        LlmProperties properties = new LlmProperties("anthropic", "claude-test", KEY, server.uri(""), timeout, 1, 0.0,
                100);
        return new AnthropicProvider(OpenAiProviderTest.http(properties), properties);
    }

    private static LlmRequest request() {
        return new LlmRequest("claude-test", null, "Say hello.", null, 64, false, null);
    }
}
