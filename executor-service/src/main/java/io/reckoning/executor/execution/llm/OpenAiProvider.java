package io.reckoning.executor.execution.llm;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Chat Completions ({@code POST {baseUrl}/chat/completions}, bearer key), the wire format that OpenAI, Azure
 * gateways, Ollama, vLLM and LM Studio all speak. A JSON answer is asked for with {@code response_format}
 * {@code json_object}, the mode those servers share; the schema travels in the system message and is checked here.
 */
final class OpenAiProvider implements LlmProvider {

    private final ProviderHttp http;
    private final URI endpoint;
    private final String apiKey;

    OpenAiProvider(ProviderHttp http, LlmProperties properties) {
        this.http = http;
        this.endpoint = URI.create(properties.endpoint().toString().replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = properties.apiKey();
    }

    @Override
    public String name() {
        return LlmProperties.OPENAI;
    }

    @Override
    public LlmAnswer complete(LlmRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        List<Map<String, String>> messages = new ArrayList<>();
        String system = AnswerFormat.systemMessage(request);
        if (system != null) {
            messages.add(Map.of("role", "system", "content", system));
        }
        messages.add(Map.of("role", "user", "content", request.prompt()));
        body.put("messages", messages);
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        body.put("max_tokens", request.maxTokens());
        if (request.json()) {
            body.put("response_format", Map.of("type", "json_object"));
        }
        Map<String, String> headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        return read(http.post(endpoint, headers, body), request);
    }

    private LlmAnswer read(JsonNode answer, LlmRequest request) {
        JsonNode choice = answer.path("choices").path(0);
        JsonNode message = choice.path("message");
        String finishReason = choice.path("finish_reason").asString(null);
        if (message.path("refusal").isString() || "content_filter".equals(finishReason)) {
            throw http.invalid("refused to answer (" + (finishReason == null ? "refusal" : finishReason) + ").");
        }
        if (!message.path("content").isString()) {
            throw http.invalid("answered without choices[0].message.content.");
        }
        JsonNode usage = answer.path("usage");
        return new LlmAnswer(message.path("content").asString(), answer.path("model").asString(request.model()),
                finishReason, usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    }
}
