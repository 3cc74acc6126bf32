package io.reckoning.executor.execution.llm;

import io.reckoning.executor.execution.llm.ProviderServer.Reply;
import io.reckoning.messages.StepTask;
import io.reckoning.messages.Topics;
import io.reckoning.testing.KafkaTopics;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * executor-service alone on a real broker with a local OpenAI-compatible server: llm tasks in, results out, at
 * most {@code max-concurrency} calls at once, and the key nowhere but in the request to the provider.
 */
@ReckoningIntegrationTest(properties = {"reckoning.llm.provider=openai", "reckoning.llm.model=gpt-test",
        "reckoning.llm.api-key=" + LlmTaskListenerIT.KEY, "reckoning.llm.max-concurrency=2",
        "reckoning.llm.timeout=PT10S", "logging.level.io.reckoning=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class LlmTaskListenerIT {

    static final String KEY = "sk-it-4f1d9c2b7e-SECRET";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProviderServer SERVER = server();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("reckoning.llm.base-url", () -> SERVER.uri("/v1").toString());
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void shouldReportStartedThenTheAnswerWithUsage() {
        String runId = send(Map.of("prompt", "Capital of France?"));

        List<JsonNode> results = results(runId, 2);
        assertThat(results).extracting(result -> result.get("kind").asString()).containsExactly("started", "succeeded");
        JsonNode output = results.get(1).get("output");
        assertThat(output.get("text").asString()).isEqualTo("Paris.");
        assertThat(output.get("usage").get("inputTokens").asLong()).isEqualTo(9);
        assertThat(output.get("usage").get("outputTokens").asLong()).isEqualTo(2);
        assertThat(SERVER.last().header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void shouldReportAServerErrorAsARetryableFailure() {
        SERVER.enqueue(Reply.json(500, WireFormats.openAiError("server_error", "server_error", "Boom.")));
        String runId = send(Map.of("prompt", "Capital of Spain?"));

        JsonNode failed = results(runId, 2).get(1);
        assertThat(failed.get("kind").asString()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("provider_error");
        assertThat(failed.get("retryable").asBoolean()).isTrue();
    }

    @Test
    void shouldKeepTheKeyOutOfResultsAndLogsEvenWhenTheProviderEchoesIt(CapturedOutput output) {
        SERVER.enqueue(Reply.json(401, WireFormats.openAiError("invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: " + KEY)));
        String runId = send(Map.of("prompt", "Capital of Italy?"));

        List<ConsumerRecord<String, String>> results = KafkaTopics.await(Topics.STEP_RESULTS,
                record -> runId.equals(record.key()), 2, Duration.ofSeconds(30));
        JsonNode failed = JSON.readTree(results.get(1).value());
        assertThat(failed.get("error").get("code").asString()).isEqualTo("auth");
        assertThat(failed.get("retryable").asBoolean()).isFalse();
        assertThat(results).allSatisfy(result -> assertThat(result.value()).doesNotContain(KEY));
        assertThat(output.getAll()).contains("auth").doesNotContain(KEY);
    }

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldNeverHaveMoreCallsInFlightThanMaxConcurrencyNorFetchMoreTasksThanItCanRun() {
        ContainerProperties intake = listeners.getListenerContainer(LlmTaskListener.LISTENER_ID).getContainerProperties();
        assertThat(intake.isAsyncAcks()).isTrue();
        assertThat(intake.getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL);
        assertThat(intake.getKafkaConsumerProperties().getProperty("max.poll.records")).isEqualTo("2");

        SERVER.answerEverythingWith(Reply.json(200, WireFormats.openAi("Slowly.", "stop", 3, 1))
                .after(Duration.ofMillis(400)));
        try {
            List<String> runIds = IntStream.range(0, 8).mapToObj(i -> send(Map.of("prompt", "Task " + i))).toList();

            runIds.forEach(runId -> assertThat(results(runId, 2).get(1).get("kind").asString()).isEqualTo("succeeded"));
            assertThat(SERVER.mostInFlight()).isBetween(1, 2);
        } finally {
            SERVER.answerEverythingWith(paris());
        }
    }

    @Test
    void shouldDeadLetterATaskThatIsNotOneAndGoOnWithTheNext() {
        String key = "bad-" + UUID.randomUUID();
        KafkaTopics.send(StepTask.topicFor("llm"), key, "{\"runId\":\"x\"}");
        String runId = send(Map.of("prompt", "Capital of Peru?"));

        ConsumerRecord<String, String> dead = KafkaTopics.await(Topics.DEAD_LETTER, record -> key.equals(record.key()),
                1, Duration.ofSeconds(30)).get(0);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                .contains("Not a step task");
        assertThat(results(runId, 2).get(1).get("kind").asString()).isEqualTo("succeeded");
    }

    private static String send(Map<String, Object> input) {
        String runId = UUID.randomUUID().toString();
        StepTask task = new StepTask(runId, "ask", 1, "llm", input, Instant.now().plusSeconds(60));
        KafkaTopics.send(StepTask.topicFor("llm"), runId, JSON.writeValueAsString(task));
        return runId;
    }

    private static List<JsonNode> results(String runId, int count) {
        return KafkaTopics.await(Topics.STEP_RESULTS, record -> runId.equals(record.key()), count, Duration.ofSeconds(30))
                .stream().map(record -> JSON.readTree(record.value())).toList();
    }

    private static Reply paris() {
        return Reply.json(200, WireFormats.openAi("Paris.", "stop", 9, 2));
    }

    private static ProviderServer server() {
        try {
            return new ProviderServer(paris());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
