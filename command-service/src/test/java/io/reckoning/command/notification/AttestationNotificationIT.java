package io.reckoning.command.notification;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.command.config.CommandMetrics;
import io.reckoning.messages.StepTask;
import io.reckoning.messages.Topics;
import io.reckoning.testing.KafkaTopics;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that starts waiting for attestation has its webhook called, again after a failure, while the run waits
 * regardless of what the webhook answers.
 */
@ReckoningIntegrationTest(properties = {"reckoning.command.require-executors=false", // no executor-service here
        "reckoning.command.notification.backoff=PT0.2S"})
class AttestationNotificationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static HttpServer hook;

    record Call(String method, String contentType, String body, int answered) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    /** Answers 500 to the first call and 200 to every later one. */
    @BeforeAll
    static void startHook() throws IOException {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = CALLS.isEmpty() ? 500 : 200;
            CALLS.add(new Call(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterAll
    static void stopHook() {
        hook.stop(0);
    }

    @Test
    void shouldCallTheStepsWebhookAgainAfterAFailureWhileTheRunWaits() {
        RestClient http = RestClient.create("http://127.0.0.1:" + port);
        String webhook = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        http.post().uri("/api/workflows").header("Content-Type", "application/json").body("""
                {"name":"signoff","steps":[{"id":"review","type":"external","instructions":"Sign the release off.",
                  "webhook":"%s"}]}""".formatted(webhook)).retrieve().toBodilessEntity();
        String runId = http.post().uri("/api/runs").header("Content-Type", "application/json")
                .body(Map.of("workflow", "signoff", "inputs", Map.of()))
                .retrieve().body(JsonNode.class).get("runId").asText();
        KafkaTopics.await(StepTask.topicFor("external"), record -> runId.equals(record.key()), 1, Duration.ofSeconds(30));

        KafkaTopics.send(Topics.STEP_RESULTS, runId, JSON.writeValueAsString(Map.of("runId", runId, "stepId", "review",
                "attempt", 1, "kind", "awaiting-attestation", "retryable", false)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> storedTypes(runId).contains("RunWaiting"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> calls("delivered") == 1
                && pendingWebhookTasks() == 0);
        assertThat(storedTypes(runId)).containsExactly("RunStarted", "StepScheduled", "StepStarted",
                "StepAwaitingAttestation", "RunWaiting");
        assertThat(CALLS).extracting(Call::answered).containsExactly(500, 200);
        assertThat(calls("failed")).isEqualTo(1);
        assertThat(calls("abandoned")).isZero();
        for (Call call : CALLS) {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.contentType()).isEqualTo("application/json");
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "runId", "stepId", "attempt",
                    "workflow", "instructions", "waitingSince");
            assertThat(body.get("type").asText()).isEqualTo("attestation.pending");
            assertThat(body.get("runId").asText()).isEqualTo(runId);
            assertThat(body.get("stepId").asText()).isEqualTo("review");
            assertThat(body.get("attempt").asInt()).isEqualTo(1);
            assertThat(body.get("workflow").asText()).isEqualTo("signoff");
            assertThat(body.get("instructions").asText()).isEqualTo("Sign the release off.");
            assertThat(Instant.parse(body.get("waitingSince").asText())).isBetween(Instant.now().minusSeconds(60),
                    Instant.now());
        }
        assertThat(CALLS.get(1).body()).as("a retry sends the same notification").isEqualTo(CALLS.get(0).body());
    }

    private double calls(String outcome) {
        return meters.counter(CommandMetrics.WEBHOOK_CALLS, "outcome", outcome).count();
    }

    private int pendingWebhookTasks() {
        return jdbc.queryForObject("select count(*) from command.scheduled_tasks where task_name = ?", Integer.class,
                WebhookDelivery.TASK);
    }

    private List<String> storedTypes(String runId) {
        return jdbc.queryForList("select payload_type from command.domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", String.class, runId);
    }
}
