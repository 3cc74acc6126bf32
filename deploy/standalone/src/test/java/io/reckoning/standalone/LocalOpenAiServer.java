package io.reckoning.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible server (Chat Completions) for end-to-end tests. What it answers depends on the prompt:
 * one holding {@code [500]} gets a server error, {@code [429]} gets a rate limit with {@code Retry-After: 1} the
 * first time and an answer after that, {@code [401]} a refused key (echoing the key, as OpenAI does); any other
 * prompt gets {@code "Answer: <prompt>"} with 11 prompt and 5 completion tokens.
 */
final class LocalOpenAiServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Set<String> rateLimitedOnce = ConcurrentHashMap.newKeySet();

    LocalOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL, as {@code LLM_BASE_URL} takes it. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = EngineClient.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String prompt = request.get("messages").get(request.get("messages").size() - 1).get("content").asText();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            prompts.add(prompt);
            authorizations.add(authorization);
            if (prompt.contains("[500]")) {
                send(exchange, 500, Map.of(), error("server_error", "The server had an error while processing."));
            } else if (prompt.contains("[429]") && rateLimitedOnce.add(prompt)) {
                send(exchange, 429, Map.of("Retry-After", "1"), error("rate_limit_exceeded", "Rate limit reached."));
            } else if (prompt.contains("[401]")) {
                send(exchange, 401, Map.of(), error("invalid_api_key", "Incorrect API key provided: "
                        + authorization.substring("Bearer ".length())));
            } else {
                send(exchange, 200, Map.of(), Map.of("id", "chatcmpl-e2e", "object", "chat.completion",
                        "model", request.get("model").asText() + "-local",
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", "Answer: " + prompt))),
                        "usage", Map.of("prompt_tokens", 11, "completion_tokens", 5, "total_tokens", 16)));
            }
        }
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("message", message, "type", code, "code", code));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, Object body)
            throws IOException {
        byte[] bytes = EngineClient.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
