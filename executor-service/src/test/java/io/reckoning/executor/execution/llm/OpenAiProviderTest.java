package io.reckoning.executor.execution.llm;

import io.reckoning.executor.execution.llm.ProviderServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The OpenAI-compatible client against a local server speaking Chat Completions: requests, answers, each error. */
class OpenAiProviderTest {

    static final String KEY = "sk-test-0123456789-SECRET";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private ProviderServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ProviderServer(Reply.json(200, WireFormats.openAi("Hello.", "stop", 12, 3)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldPostAChatCompletionWithTheKeyAsBearerAndReadAnswerAndUsage() {
        LlmAnswer answer = provider(Duration.ofSeconds(5)).complete(
                new LlmRequest("gpt-test", "Be brief.", "Say hello.", 0.2, 50, false, null));

        ProviderServer.Received request = server.last();
        JsonNode body = AnswerFormat.JSON.readTree(request.body());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(body.path("model").asString()).isEqualTo("gpt-test");
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("Be brief.");
        assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("Say hello.");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.has("response_format")).isFalse();
        assertThat(answer).isEqualTo(new LlmAnswer("Hello.", "gpt-test-2024", "stop", 12, 3));
    }

    @Test
    void shouldAskForAJsonObjectAndPutTheSchemaInTheSystemMessage() {
        provider(Duration.ofSeconds(5)).complete(new LlmRequest("gpt-test", null, "Rate it.", null, 50, true,
                Map.of("type", "object", "required", java.util.List.of("score"))));

        JsonNode body = AnswerFormat.JSON.readTree(server.last().body());
        assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_object");
        assertThat(body.path("messages").path(0).path("content").asString())
                .contains("JSON").contains("\"required\":[\"score\"]");
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void shouldSendNoAuthorizationWhenNoKeyIsConfigured() {
        LlmProperties properties = new LlmProperties("openai", "llama3", null, server.uri("/v1"),
                Duration.ofSeconds(5), 1, 0.0, 100);
        new OpenAiProvider(http(properties), properties).complete(request());

        assertThat(server.last().header("Authorization")).isNull();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("401", Reply.json(401, WireFormats.openAiError("invalid_request_error", "invalid_api_key",
                        "Incorrect API key provided: " + KEY)), LlmErrorClass.AUTH, false, null),
                arguments("403", Reply.json(403, WireFormats.openAiError("permission_error", "forbidden",
                        "No access to this model.")), LlmErrorClass.AUTH, false, null),
                arguments("429 with Retry-After in seconds", Reply.json(429, WireFormats.openAiError("requests",
                        "rate_limit_exceeded", "Rate limit reached.")).withHeader("Retry-After", "7"),
                        LlmErrorClass.RATE_LIMITED, true, Duration.ofSeconds(7)),
                arguments("429 with Retry-After as a date", Reply.json(429, "{}")
                                .withHeader("Retry-After", "Tue, 01 Jan 2030 00:00:30 GMT"),
                        LlmErrorClass.RATE_LIMITED, true, Duration.ofSeconds(30)),
                arguments("429 without Retry-After", Reply.json(429, "{}"), LlmErrorClass.RATE_LIMITED, true, null),
                arguments("429 for an exhausted quota", Reply.json(429, WireFormats.openAiError("insufficient_quota",
                        "insufficient_quota", "You exceeded your current quota.")), LlmErrorClass.RATE_LIMITED, false,
                        null),
                arguments("500", Reply.json(500, WireFormats.openAiError("server_error", "server_error",
                        "The server had an error.")), LlmErrorClass.PROVIDER_ERROR, true, null),
                arguments("503 with Retry-After", Reply.json(503, "overloaded").withHeader("Retry-After", "2"),
                        LlmErrorClass.PROVIDER_ERROR, true, Duration.ofSeconds(2)),
                arguments("400 (unknown model)", Reply.json(404, WireFormats.openAiError("invalid_request_error",
                        "model_not_found", "The model does not exist.")), LlmErrorClass.PROVIDER_ERROR, false, null),
                arguments("408", Reply.json(408, "{}"), LlmErrorClass.TIMEOUT, true, null),
                arguments("200 with a body that is not JSON", Reply.json(200, "<html>gateway</html>"),
                        LlmErrorClass.INVALID_RESPONSE, false, null),
                arguments("200 without choices", Reply.json(200, "{\"object\":\"chat.completion\"}"),
                        LlmErrorClass.INVALID_RESPONSE, false, null),
                arguments("a content filter", Reply.json(200, WireFormats.openAi("", "content_filter", 5, 0)),
                        LlmErrorClass.INVALID_RESPONSE, false, null),
                arguments("a refusal", Reply.json(200, """
                        {"model":"gpt-test","choices":[{"index":0,"message":{"role":"assistant","content":null,
                        "refusal":"I can't help with that."},"finish_reason":"stop"}]}"""),
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
        assertThat(failure.getMessage()).doesNotContain(KEY).startsWith("The openai provider");
    }

    @Test
    void shouldTimeOutAnAnswerSlowerThanTheTimeout() {
        server.enqueue(Reply.json(200, WireFormats.openAi("late", "stop", 1, 1)).after(Duration.ofSeconds(3)));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class, () -> provider(Duration.ofMillis(300))
                .complete(request()));

        assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void shouldCallAProviderThatCannotBeReachedARetryableProviderError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LlmProperties properties = new LlmProperties("openai", "m", KEY,
                URI.create("http://127.0.0.1:" + closedPort + "/v1"), Duration.ofSeconds(2), 1, 0.0, 100);

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> new OpenAiProvider(http(properties), properties).complete(request()));

        assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.PROVIDER_ERROR);
        assertThat(failure.retryable()).isTrue();
    }

    private OpenAiProvider provider(Duration timeout) {
        LlmProperties properties = new LlmProperties("openai", "gpt-test", KEY, server.uri("/v1/"), timeout, 1, 0.0,
                100);
        return new OpenAiProvider(http(properties), properties);
    }

    static ProviderHttp http(LlmProperties properties) {
        return new ProviderHttp(JsonMapper.builder().build(), properties, LlmExecutor.label(properties.provider()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static LlmRequest request() {
        return new LlmRequest("gpt-test", null, "Say hello.", null, 50, false, null);
    }
}
