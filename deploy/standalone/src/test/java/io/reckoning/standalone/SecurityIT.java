package io.reckoning.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OWASP API Security Top 10 (2023) items that apply to the engine, on the standalone engine with one token per
 * role: broken authentication (API2), function-level authorization (API5), mass assignment (API3), unrestricted
 * resource consumption (API4), security misconfiguration (API8) and injection. Then the log of the whole class's
 * runs is searched for every secret the engine was given.
 */
class SecurityIT {

    private static final String VIEWER = "viewer-" + UUID.randomUUID();
    private static final String AUTHOR = "author-" + UUID.randomUUID();
    private static final String OPERATOR = "operator-" + UUID.randomUUID();
    private static final String ADMIN = "admin-" + UUID.randomUUID();
    private static final String DATABASE_PASSWORD = "Db-Secret-" + UUID.randomUUID();
    private static final String LLM_KEY = "sk-llm-" + UUID.randomUUID();
    private static final String ALLOWED_ORIGIN = "https://console.example.org";

    @TempDir
    static Path dataDir;
    private static Path log;
    private static InProcessEngine engine;
    private static URI base;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        log = dataDir.resolve("engine.log");
        // trust authentication accepts any password: the one given is still the secret that must not leak
        engine = InProcessEngine.start(dataDir,
                "--reckoning.security.api-tokens=vera:viewer:" + VIEWER + ",arthur:author:" + AUTHOR
                        + ",olga:operator:" + OPERATOR + ",ada:admin:" + ADMIN,
                "--reckoning.security.cors-origins=" + ALLOWED_ORIGIN,
                "--spring.datasource.password=" + DATABASE_PASSWORD,
                "--reckoning.llm.api-key=" + LLM_KEY,
                "--logging.file.name=" + log,
                "--logging.level.io.reckoning=DEBUG", "--logging.level.org.springframework.security=DEBUG");
        base = engine.client().commandsBase();
        assertThat(call("POST", "/api/workflows", AUTHOR, EngineClient.demoWorkflow()).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    // API2: broken authentication

    @Test
    void shouldAnswer401WithProblemDetailsAndAChallengeWithoutAToken() {
        for (String[] endpoint : List.of(new String[]{"GET", "/api/runs"}, new String[]{"GET", "/api/workflows"},
                new String[]{"GET", "/api/attestations/pending"}, new String[]{"GET", "/api/activity"},
                new String[]{"GET", "/api/admin/projections"}, new String[]{"POST", "/api/workflows"},
                new String[]{"POST", "/api/runs"}, new String[]{"POST", "/api/runs/x/cancel"},
                new String[]{"POST", "/api/runs/x/steps/b/attestation"},
                new String[]{"POST", "/api/admin/projections/run_summary/replay"})) {
            HttpResponse<String> answer = call(endpoint[0], endpoint[1], null, "{}");
            assertThat(answer.statusCode()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(answer.body()).contains("\"status\":401");
        }
    }

    @Test
    void shouldAnswer401ToAnUnknownOrMalformedToken() {
        for (String token : List.of("not-a-token-" + UUID.randomUUID(), VIEWER + "x", "a.b.c", ADMIN.toUpperCase())) {
            HttpResponse<String> answer = call("GET", "/api/runs", token, null);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("invalid_token"));
            assertThat(answer.body()).contains("/problems/unauthenticated").doesNotContain(token);
        }
    }

    @Test
    void shouldKeepProbesHealthAndTheScrapeOpenAndExposeNothingElseOfTheActuator() {
        for (String open : List.of("/api/health", "/health", "/actuator/health", "/actuator/health/liveness",
                "/actuator/info", "/actuator/prometheus")) {
            assertThat(call("GET", open, null, null).statusCode()).as(open).isEqualTo(200);
        }
        for (String closed : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            HttpResponse<String> answer = call("GET", closed, ADMIN, null);
            assertThat(answer.statusCode()).as(closed).isEqualTo(404);
            assertThat(call("GET", closed, null, null).statusCode()).as(closed).isEqualTo(401);
        }
        assertThat(call("GET", "/actuator/health", null, null).body() + call("GET", "/actuator/info", null, null).body()
                + call("GET", "/api/health", null, null).body()).doesNotContain(DATABASE_PASSWORD, LLM_KEY);
    }

    // API5: broken function-level authorization

    @Test
    void shouldLetEachRoleDoItsOwnWorkOnlyAnswering403ProblemDetailsOtherwise() {
        String runId = startDemoRunAs(AUTHOR);
        engine.client().withToken(VIEWER).awaitRun(runId, "WAITING");
        String attestation = "{\"outcome\":\"SUCCEEDED\",\"output\":{\"verdict\":\"holds\"}}";

        HttpResponse<String> viewerAttests = call("POST", "/api/runs/" + runId + "/steps/b/attestation", VIEWER, attestation);
        assertThat(viewerAttests.statusCode()).isEqualTo(403);
        assertThat(viewerAttests.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(viewerAttests.body()).contains("/problems/forbidden");
        assertThat(call("POST", "/api/runs/" + runId + "/steps/b/attestation", AUTHOR, attestation).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/runs/" + runId + "/cancel", VIEWER, "{\"reason\":\"no\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/workflows", VIEWER, EngineClient.demoWorkflow()).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/runs", OPERATOR, "{\"workflow\":\"demo\"}").statusCode()).isEqualTo(403);
        for (String notAdmin : List.of(VIEWER, AUTHOR, OPERATOR)) {
            assertThat(call("GET", "/api/admin/projections", notAdmin, null).statusCode()).isEqualTo(403);
            assertThat(call("POST", "/api/admin/projections/run_summary/replay", notAdmin, "{}").statusCode()).isEqualTo(403);
        }
        for (String reader : List.of(VIEWER, AUTHOR, OPERATOR, ADMIN)) {
            assertThat(call("GET", "/api/runs/" + runId, reader, null).statusCode()).isEqualTo(200);
        }
        assertThat(call("GET", "/api/admin/projections", ADMIN, null).statusCode()).isEqualTo(200);

        assertThat(call("POST", "/api/runs/" + runId + "/steps/b/attestation", OPERATOR, attestation).statusCode())
                .isEqualTo(202);
        engine.client().withToken(VIEWER).awaitRun(runId, "SUCCEEDED");
        assertThat(payloadOf(runId, "StepAttested").get("principal").asText()).isEqualTo("olga");
    }

    @Test
    void shouldEnforceStepAttestorsByPrincipalOrRole() {
        String workflow = """
                {"name":"guarded","steps":[{"id":"sign","type":"external","instructions":"Sign off.",
                  "attestors":["admin","olga"]},{"id":"note","type":"external","instructions":"Review.",
                  "attestors":["admin"]}]}""";
        assertThat(call("POST", "/api/workflows", AUTHOR, workflow).statusCode()).isEqualTo(201);
        String runId = startRunAs(AUTHOR, "{\"workflow\":\"guarded\"}");
        engine.client().withToken(VIEWER).awaitUntil(runId, run -> "WAITING".equals(EngineClient.stepStatus(run, "note")));
        String body = "{\"outcome\":\"SUCCEEDED\",\"output\":{}}";

        HttpResponse<String> notListed = call("POST", "/api/runs/" + runId + "/steps/note/attestation", OPERATOR, body);
        assertThat(notListed.statusCode()).isEqualTo(403);
        assertThat(notListed.body()).contains("/problems/attestation-forbidden");
        assertThat(call("POST", "/api/runs/" + runId + "/steps/sign/attestation", OPERATOR, body).statusCode())
                .as("listed by principal").isEqualTo(202);
        assertThat(call("POST", "/api/runs/" + runId + "/steps/note/attestation", ADMIN, body).statusCode())
                .as("listed by role").isEqualTo(202);
    }

    @Test
    void shouldRecordTheCancellingPrincipal() {
        String runId = startDemoRunAs(AUTHOR);
        assertThat(call("POST", "/api/runs/" + runId + "/cancel", OPERATOR, "{\"reason\":\"wrong paper\"}").statusCode())
                .isEqualTo(202);
        engine.client().withToken(VIEWER).awaitRun(runId, "CANCELLED");
        assertThat(payloadOf(runId, "RunCancelled").get("principal").asText()).isEqualTo("olga");
    }

    // API3: mass assignment

    @Test
    void shouldRefuseAnAttesterNamedInTheBodyAndRecordNothing() {
        String runId = startDemoRunAs(AUTHOR);
        engine.client().withToken(VIEWER).awaitRun(runId, "WAITING");

        for (String field : List.of("attestedBy", "principal")) {
            HttpResponse<String> answer = call("POST", "/api/runs/" + runId + "/steps/b/attestation", OPERATOR,
                    "{\"outcome\":\"SUCCEEDED\",\"output\":{\"verdict\":\"holds\"},\"" + field + "\":\"ada\"}");
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(eventTypes(runId)).doesNotContain("StepAttested");
        assertThat(EngineClient.stepStatus(engine.client().withToken(VIEWER).get("/api/runs/" + runId).body(), "b"))
                .isEqualTo("WAITING");
    }

    // API4: unrestricted resource consumption

    @Test
    void shouldRefuseOversizedDeeplyNestedAndOverlongBodiesWithProblemDetails() {
        HttpResponse<String> oversized = call("POST", "/api/workflows", AUTHOR,
                "{\"name\":\"big\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> nested = call("POST", "/api/runs", AUTHOR,
                "{\"workflow\":\"demo\",\"inputs\":{\"paper_url\":\"u\",\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}}");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nested.body()).contains("nested more than 64 levels");

        HttpResponse<String> overlong = call("POST", "/api/runs", AUTHOR,
                "{\"workflow\":\"demo\",\"inputs\":{\"paper_url\":\"" + "y".repeat(600 * 1024) + "\"}}");
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(overlong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(overlong.body()).contains("String value length").contains("exceeds the maximum");
    }

    // API8: security misconfiguration

    @Test
    void shouldSendSecurityHeadersOnEveryAnswer() {
        for (HttpResponse<String> answer : List.of(call("GET", "/api/runs", VIEWER, null),
                call("GET", "/api/runs", null, null), call("GET", "/api/health", null, null))) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("no-store"));
        }
    }

    @Test
    void shouldAnswerCorsOnlyToTheConfiguredOrigin() {
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(base.resolve("/api/runs"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> foreignGet = send(request("GET", "/api/runs", VIEWER, null)
                .header("Origin", "https://evil.example").build());
        assertThat(foreignGet.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> allowed = send(HttpRequest.newBuilder(base.resolve("/api/runs"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    }

    // injection: nothing renders HTML; what comes back is JSON, verbatim, never sniffed as HTML

    @Test
    void shouldStoreInjectionStringsVerbatimAndAnswerThemAsJsonOnly() {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>'; DROP TABLE runs; --";
        String workflow = EngineClient.JSON.writeValueAsString(Map.of("name", "hostile",
                "steps", List.of(Map.of("id", "only", "type", "external", "instructions", hostile))));
        assertThat(call("POST", "/api/workflows", AUTHOR, workflow).statusCode()).isEqualTo(201);
        String runId = startRunAs(AUTHOR, "{\"workflow\":\"hostile\"}");
        engine.client().withToken(VIEWER).awaitRun(runId, "WAITING");
        HttpResponse<String> attested = call("POST", "/api/runs/" + runId + "/steps/only/attestation", OPERATOR,
                EngineClient.JSON.writeValueAsString(Map.of("outcome", "SUCCEEDED", "output", Map.of("html", hostile),
                        "note", hostile)));
        assertThat(attested.statusCode()).isEqualTo(202);
        engine.client().withToken(VIEWER).awaitRun(runId, "SUCCEEDED");

        HttpResponse<String> view = call("GET", "/api/workflows/hostile/versions/1", VIEWER, null);
        assertThat(view.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(view.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(EngineClient.JSON.readTree(view.body()).findValue("instructions").asText()).isEqualTo(hostile);
        JsonNode attestedPayload = payloadOf(runId, "StepAttested");
        assertThat(attestedPayload.get("output").get("html").asText()).isEqualTo(hostile);
        assertThat(attestedPayload.get("note").asText()).isEqualTo(hostile);
        assertThat(call("GET", "/api/runs?workflow=" + "%27%3B%20DROP%20TABLE%20runs%3B--", VIEWER, null).statusCode())
                .isEqualTo(200);
    }

    // secrets: the engine was given all of them at start-up; the log so far (start-up, runs, refusals) holds none

    @Test
    void shouldNeverLogASecretOrAToken() throws IOException {
        startDemoRunAs(AUTHOR);
        call("GET", "/api/runs", "wrong-" + VIEWER, null);
        String all = Files.readString(log);
        assertThat(all).contains("Authentication on: API tokens").contains("HikariPool")
                .doesNotContain(DATABASE_PASSWORD, LLM_KEY, VIEWER, AUTHOR, OPERATOR, ADMIN);
    }

    private static String startDemoRunAs(String token) {
        return startRunAs(token, "{\"workflow\":\"demo\",\"inputs\":{\"paper_url\":\"https://example.org/p.pdf\"}}");
    }

    private static String startRunAs(String token, String body) {
        return engine.client().withToken(token).startRun(EngineClient.JSON.readValue(body, Map.class));
    }

    private static JsonNode payloadOf(String runId, String type) {
        for (JsonNode event : engine.client().withToken(VIEWER).get("/api/runs/" + runId + "/events").body().get("events")) {
            if (type.equals(event.get("type").asText())) {
                return event.get("payload");
            }
        }
        throw new AssertionError("No " + type + " in run " + runId);
    }

    private static List<String> eventTypes(String runId) {
        return engine.client().withToken(VIEWER).eventTypes(runId);
    }

    private static HttpRequest.Builder request(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) {
        return send(request(method, path, token, body).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
