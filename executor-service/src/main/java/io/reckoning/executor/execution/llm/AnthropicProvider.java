package io.reckoning.executor.execution.llm;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages ({@code POST {baseUrl}/v1/messages} with {@code x-api-key} and {@code anthropic-version}).
 * It has no JSON mode: a JSON answer is asked for in the system message and checked here.
 */
final class AnthropicProvider implements LlmProvider {

    /** The API version this client speaks; Anthropic keeps old versions working. */
    static final String API_VERSION = "2023-06-01";

    private final ProviderHttp http;
    private final URI endpoint;
    private final String apiKey;

    AnthropicProvider(ProviderHttp http, LlmProperties properties) {
        this.http = http;
        this.endpoint = URI.create(properties.endpoint().toString().replaceAll("/+$", "") + "/v1/messages");
        this.apiKey = properties.apiKey();
    }

    @Override
    public String name() {
        return LlmProperties.ANTHROPIC;
    }

    @Override
    public LlmAnswer complete(LlmRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens());
        String system = AnswerFormat.systemMessage(request);
        if (system != null) {
            body.put("system", system);
        }
        body.put("messages", List.of(Map.of("role", "user", "content", request.prompt())));
        if (request.temperature() != null) {
            body.put("temperature", Math.min(request.temperature(), 1.0)); // Anthropic's range is 0 to 1
        }
        Map<String, String> headers = Map.of("x-api-key", apiKey, "anthropic-version", API_VERSION);
        return read(http.post(endpoint, headers, body), request);
    }

    private LlmAnswer read(JsonNode answer, LlmRequest request) {
        String stopReason = answer.path("stop_reason").asString(null);
        if ("refusal".equals(stopReason)) {
            throw http.invalid("refused to answer (refusal).");
        }
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw http.invalid("answered without a content array.");
        }
        StringBuilder text = new StringBuilder();
        content.values().forEach(block -> {
            if ("text".equals(block.path("type").asString(null))) {
                text.append(block.path("text").asString(""));
            }
        });
        JsonNode usage = answer.path("usage");
        return new LlmAnswer(text.toString(), answer.path("model").asString(request.model()), stopReason,
                usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0));
    }
}
