package io.reckoning.command.publishing;

import io.reckoning.messages.StepTask;
import io.reckoning.messages.Topics;
import io.reckoning.testing.KafkaTopics;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * command-service alone, on a real database and broker: what it commits it publishes (the event store is the
 * outbox), and what executors report it records.
 */
@ReckoningIntegrationTest(properties = "reckoning.command.require-executors=false") // no executor-service here
class RunEventPublisherIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WORKFLOW = """
            {"name":"outbox","inputs":{"who":{"type":"string","required":true}},"steps":[
              {"id":"greet","type":"transform","output":{"text":"hello {{ inputs.who }}"}},
              {"id":"review","type":"external","needs":["greet"],"instructions":"Read {{ steps.greet.output.text }}"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldPublishCommittedEventsAndTasksThenRecordTheExecutorsResult() {
        RestClient http = RestClient.create("http://127.0.0.1:" + port);
        http.post().uri("/api/workflows").header("Content-Type", "application/json").body(WORKFLOW).retrieve().toBodilessEntity();
        String runId = http.post().uri("/api/runs").header("Content-Type", "application/json")
                .body(Map.of("workflow", "outbox", "inputs", Map.of("who", "world")))
                .retrieve().body(JsonNode.class).get("runId").asText();

        ConsumerRecord<String, String> task = KafkaTopics.await(StepTask.topicFor("transform"),
                record -> runId.equals(record.key()), 1, Duration.ofSeconds(30)).get(0);
        JsonNode taskBody = JSON.readTree(task.value());
        assertThat(taskBody.get("stepId").asText()).isEqualTo("greet");
        assertThat(taskBody.get("attempt").asInt()).isEqualTo(1);
        assertThat(taskBody.get("input").get("output").get("text").asText()).isEqualTo("hello world");
        assertThat(taskBody.get("deadline").asText()).isNotBlank();

        List<ConsumerRecord<String, String>> events = KafkaTopics.await(Topics.RUN_EVENTS,
                record -> runId.equals(record.key()), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(record -> JSON.readTree(record.value()).get("type").asText())
                .containsExactly("reckoning.RunStarted.v1", "reckoning.StepScheduled.v1");
        JsonNode envelope = JSON.readTree(events.get(1).value());
        assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.get("subject").asText()).isEqualTo(runId);
        assertThat(envelope.get("sequence").asLong()).isEqualTo(1);
        assertThat(envelope.get("data").get("stepId").asText()).isEqualTo("greet");
        JsonNode first = JSON.readTree(events.get(0).value());
        assertThat(first.get("reckoningprevhash").asText()).as("a stream chains from the zero hash").isEqualTo("0".repeat(64));
        assertThat(envelope.get("reckoningprevhash").asText()).isEqualTo(first.get("reckoninghash").asText());
        assertThat(envelope.get("reckoninghash").asText()).matches("[0-9a-f]{64}")
                .as("the published head is the stored hash").isEqualTo(JSON.readTree(jdbc.queryForObject(
                        "select convert_from(meta_data, 'UTF8') from command.domain_event_entry"
                                + " where aggregate_identifier = ? and sequence_number = 1", String.class, runId))
                        .get("hash").asText());

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from command.step_dispatch where run_id = ? and step_id = 'greet' and attempt = 1",
                Integer.class, runId)).as("a task sent and not picked up is awaited").isOne());

        String succeeded = JSON.writeValueAsString(Map.of("runId", runId, "stepId", "greet", "attempt", 1,
                "kind", "succeeded", "output", Map.of("text", "hello world"), "retryable", false));
        KafkaTopics.send(Topics.STEP_RESULTS, runId, succeeded);
        KafkaTopics.send(Topics.STEP_RESULTS, runId, succeeded); // at-least-once: the copy changes nothing

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> storedTypes(runId).contains("StepScheduled")
                && storedTypes(runId).lastIndexOf("StepScheduled") > storedTypes(runId).indexOf("StepSucceeded"));
        assertThat(storedTypes(runId)).containsExactly("RunStarted", "StepScheduled", "StepStarted", "StepSucceeded",
                "StepScheduled");
        // the publisher forgets the dispatch when it reaches StepStarted, on its own thread
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from command.step_dispatch where run_id = ? and step_id = 'greet'", Integer.class, runId))
                .as("a picked-up task is no longer awaited").isZero());
    }

    @Test
    void shouldRetryAnAttemptThatAnExecutorReportedAsRetryableFailure() {
        RestClient http = RestClient.create("http://127.0.0.1:" + port);
        http.post().uri("/api/workflows").header("Content-Type", "application/json").body("""
                {"name":"flaky","steps":[{"id":"call","type":"transform","output":{"ok":true},
                  "retry":{"maxAttempts":2,"backoff":"PT0.2S"}}]}""").retrieve().toBodilessEntity();
        String runId = http.post().uri("/api/runs").header("Content-Type", "application/json")
                .body(Map.of("workflow", "flaky")).retrieve().body(JsonNode.class).get("runId").asText();
        KafkaTopics.await(StepTask.topicFor("transform"), record -> runId.equals(record.key()), 1, Duration.ofSeconds(30));

        KafkaTopics.send(Topics.STEP_RESULTS, runId, JSON.writeValueAsString(Map.of("runId", runId, "stepId", "call",
                "attempt", 1, "kind", "failed", "retryable", true,
                "error", Map.of("code", "rate_limited", "message", "Try again later."))));

        List<ConsumerRecord<String, String>> tasks = KafkaTopics.await(StepTask.topicFor("transform"),
                record -> runId.equals(record.key()), 2, Duration.ofSeconds(30));
        assertThat(tasks).extracting(task -> JSON.readTree(task.value()).get("attempt").asInt()).containsExactly(1, 2);
        KafkaTopics.send(Topics.STEP_RESULTS, runId, JSON.writeValueAsString(Map.of("runId", runId, "stepId", "call",
                "attempt", 2, "kind", "succeeded", "output", Map.of("ok", true), "retryable", false)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> storedTypes(runId).contains("RunSucceeded"));
        assertThat(storedTypes(runId)).containsExactly("RunStarted", "StepScheduled", "StepStarted", "StepFailed",
                "StepRetryScheduled", "StepScheduled", "StepStarted", "StepSucceeded", "RunSucceeded");
    }

    @Test
    void shouldDeadLetterAResultThatIsNotOne() {
        KafkaTopics.send(Topics.STEP_RESULTS, "garbage-key", "{not json");

        ConsumerRecord<String, String> dead = KafkaTopics.await(Topics.DEAD_LETTER,
                record -> "garbage-key".equals(record.key()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                .contains("Not a step result");
    }

    private List<String> storedTypes(String runId) {
        return jdbc.queryForList("select payload_type from command.domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", String.class, runId);
    }
}
