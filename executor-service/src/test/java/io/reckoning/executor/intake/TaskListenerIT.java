package io.reckoning.executor.intake;

import io.reckoning.messages.StepTask;
import io.reckoning.messages.Topics;
import io.reckoning.testing.KafkaTopics;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** executor-service alone on a real broker: tasks in, results out, exactly as the Kafka contract says. */
@ReckoningIntegrationTest
class TaskListenerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldReportOnlyTheTransformsOutput() {
        String runId = UUID.randomUUID().toString();
        send(new StepTask(runId, "a", 1, "transform", Map.of("output", Map.of("url", "https://example.org")),
                Instant.now().plusSeconds(60)));
        send(new StepTask(runId, "c", 1, "transform", Map.of("output", "second"), Instant.now().plusSeconds(60)));

        // results of one run share a partition: a `started` of either task would come between or before these two
        List<JsonNode> results = results(runId, 2);
        assertThat(results).extracting(result -> result.get("kind").asText() + ":" + result.get("stepId").asText())
                .containsExactly("succeeded:a", "succeeded:c");
        assertThat(results.get(0).get("output").get("url").asText()).isEqualTo("https://example.org");
        assertThat(results.get(0).get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnnounceTheWaitOfAnExternalStepAndReturn() {
        String runId = UUID.randomUUID().toString();
        send(new StepTask(runId, "b", 2, "external", Map.of("instructions", "measure it"), Instant.now().plusSeconds(60)));
        send(new StepTask(runId, "d", 1, "external", Map.of("instructions", "and this"), Instant.now().plusSeconds(60)));

        assertThat(results(runId, 2)).extracting(result -> result.get("kind").asText() + ":" + result.get("stepId").asText())
                .containsExactly("awaiting-attestation:b", "awaiting-attestation:d");
    }

    @Test
    void shouldDeadLetterATaskThatIsNotOne() {
        String key = "bad-" + UUID.randomUUID();
        KafkaTopics.send(StepTask.topicFor("transform"), key, "{\"runId\":\"x\"}");

        ConsumerRecord<String, String> dead = KafkaTopics.await(Topics.DEAD_LETTER, record -> key.equals(record.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                .contains("Not a step task");
    }

    private static void send(StepTask task) {
        KafkaTopics.send(StepTask.topicFor(task.type()), task.runId(), JSON.writeValueAsString(task));
    }

    private static List<JsonNode> results(String runId, int count) {
        return KafkaTopics.await(Topics.STEP_RESULTS, record -> runId.equals(record.key()), count, Duration.ofSeconds(30))
                .stream().map(record -> JSON.readTree(record.value())).toList();
    }
}
