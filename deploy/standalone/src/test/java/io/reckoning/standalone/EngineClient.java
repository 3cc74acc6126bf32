package io.reckoning.standalone;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** Drives the engine over its public HTTP API only, as a user with curl would. */
final class EngineClient {

    /** An HTTP answer with its JSON body. */
    record Response(int status, String contentType, JsonNode body) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI commands;
    private final URI queries;
    private final String token;

    /** Commands and queries on different origins, as with three separate services; sends {@code token} if not null. */
    EngineClient(URI commands, URI queries, String token) {
        this.commands = commands;
        this.queries = queries;
        this.token = token;
    }

    /** Without a token: for the open endpoints (health, metrics) and for tests of authentication. */
    EngineClient(URI engine) {
        this(engine, engine, null);
    }

    EngineClient(URI engine, String token) {
        this(engine, engine, token);
    }

    /** The same engine as another caller. */
    EngineClient withToken(String otherToken) {
        return new EngineClient(commands, queries, otherToken);
    }

    /** A request to {@code uri} that carries this client's bearer token, for tests that need raw HTTP. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static String demoWorkflow() {
        try (InputStream in = EngineClient.class.getResourceAsStream("/workflows/demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(commands.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(request::header);
        return send(request.build());
    }

    URI commandsBase() {
        return commands;
    }

    /** The value of a finished future, for tests that fire requests in parallel. */
    static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    Response get(String path) {
        return send(request(queries.resolve(path)).GET().build());
    }

    /** A GET whose answer is not JSON (metrics, for instance), against the command side. */
    String rawGet(String path) {
        try {
            return http.send(request(commands.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response getCommandSide(String path) {
        return send(request(commands.resolve(path)).GET().build());
    }

    String startDemoRun() {
        return startRun(Map.of("workflow", "demo", "inputs", Map.of("paper_url", "https://example.org/p.pdf")));
    }

    /**
     * Starts a run. Right after the engine starts, pre-flight refuses runs (422) until the executors have joined
     * their consumer groups; that wait is the only one tolerated here.
     */
    String startRun(Map<String, Object> request) {
        Response started = Awaitility.await("executors available").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> post("/api/runs", request), response -> !(response.status() == 422
                        && "/problems/preflight-failed".equals(response.body().get("type").asText())));
        if (started.status() != 202) {
            throw new AssertionError("Run not started: " + started);
        }
        return started.body().get("runId").asText();
    }

    Response attest(String runId, String stepId, String outcome) {
        return post("/api/runs/" + runId + "/steps/" + stepId + "/attestation", Map.of(
                "outcome", outcome,
                "output", Map.of("verdict", "holds"),
                "artifacts", List.of(Map.of("name", "result.csv", "uri", "s3://bucket/result.csv", "sha256", SHA256,
                        "sizeBytes", 12, "mediaType", "text/csv")),
                "note", "checked by the system test"));
    }

    /** Waits until the run's read model shows {@code status}, and answers the run view. */
    JsonNode awaitRun(String runId, String status) {
        return awaitUntil(runId, run -> status.equals(run.get("run").get("status").asText()));
    }

    /** Waits until the run view satisfies {@code condition}, and answers it. */
    JsonNode awaitUntil(String runId, Predicate<JsonNode> condition) {
        return Awaitility.await("run " + runId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response run = get("/api/runs/" + runId);
                    return run.status() == 200 ? run.body() : null;
                }, run -> run != null && condition.test(run));
    }

    static String stepStatus(JsonNode runView, String stepId) {
        for (JsonNode step : runView.get("steps")) {
            if (stepId.equals(step.get("stepId").asText())) {
                return step.get("status").asText();
            }
        }
        throw new AssertionError("No step " + stepId + " in " + runView);
    }

    List<String> eventTypes(String runId) {
        List<String> types = new ArrayList<>();
        get("/api/runs/" + runId + "/events").body().get("events").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
