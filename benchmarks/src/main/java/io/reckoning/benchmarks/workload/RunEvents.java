package io.reckoning.benchmarks.workload;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches {@code reckoning.run-events} from its end (as of {@link #start()}) and hands every CloudEvent to a
 * listener, on its own thread; no consumer group, so nothing is left behind on the broker.
 */
final class RunEvents implements AutoCloseable {

    static final String TOPIC = "reckoning.run-events";

    /** One run event: its wire name (StepStarted), run, step (null for run events) and attempt, and when it was appended. */
    record Event(String type, String runId, String stepId, int attempt, Instant time) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final Consumer<Event> listener;
    private final Thread thread = new Thread(this::poll, "run-events");
    private volatile boolean running = true;

    RunEvents(String bootstrap, Consumer<Event> listener) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer());
        this.listener = listener;
    }

    /** Positions at the topic's end before returning, so that every run started afterwards is seen whole. */
    void start() {
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                Event event = parse(record.value());
                if (event != null) {
                    listener.accept(event);
                }
            }
        }
        consumer.close();
    }

    /** The run event in a CloudEvent; null for a workflow's event (it has no runId). */
    static Event parse(String cloudEvent) {
        JsonNode event = JSON.readTree(cloudEvent);
        JsonNode data = event.get("data");
        if (data == null || data.get("runId") == null) {
            return null;
        }
        String type = event.get("type").asString();
        String wireName = type.substring(type.indexOf('.') + 1, type.lastIndexOf(".v"));
        JsonNode step = data.get("stepId");
        JsonNode attempt = data.get("attempt");
        return new Event(wireName, data.get("runId").asString(), step == null || step.isNull() ? null : step.asString(),
                attempt == null ? 0 : attempt.asInt(), Instant.parse(event.get("time").asString()));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
