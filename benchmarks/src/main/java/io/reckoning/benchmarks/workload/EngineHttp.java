package io.reckoning.benchmarks.workload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The engine's public HTTP API: commands on one origin, queries on another (the same one for the standalone). */
final class EngineHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI commands;
    private final URI queries;
    private final String token;

    /** {@code token} null: no Authorization header. */
    EngineHttp(URI commands, URI queries, String token) {
        this.commands = commands;
        this.queries = queries;
        this.token = token;
    }

    CompletableFuture<HttpResponse<String>> post(String path, String json) {
        return http.sendAsync(request(commands, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(queries, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(URI origin, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(origin.resolve(path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
