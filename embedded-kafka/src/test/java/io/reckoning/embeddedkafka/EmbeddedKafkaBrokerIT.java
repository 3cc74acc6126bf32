package io.reckoning.embeddedkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final String TOPIC = "workflow-events";

    @TempDir
    Path directory;

    @TempDir
    Path otherDirectory;

    @Test
    void shouldKeepMessagesWhenRestartedOnTheSameDirectory() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(directory, 0)) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            send(broker, "workflow-1", "started");
            assertThat(readAll(broker, "first-reader", 1)).containsExactly(new Message("workflow-1", "started"));
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(directory, 0)) {
            assertThat(readAll(restarted, "second-reader", 1)).containsExactly(new Message("workflow-1", "started"));
        }
    }

    @Test
    void shouldKeepMessagesWhenTheProcessWasKilled() throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), KilledBrokerProcess.class.getName(),
                directory.toString(), TOPIC, "workflow-1", "before the kill")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = child.inputReader()) {
            boolean sent = CompletableFuture.supplyAsync(() -> output.lines().anyMatch(KilledBrokerProcess.SENT::equals))
                    .get(60, TimeUnit.SECONDS);
            assertThat(sent).as("the child process sent its message").isTrue();
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL: no orderly shutdown, no clean-shutdown marker
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(directory, 0)) {
            assertThat(readAll(restarted, "reader", 1)).containsExactly(new Message("workflow-1", "before the kill"));
        }
    }

    @Test
    void shouldRunTwoBrokersSideBySide() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(directory, 0);
             EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(otherDirectory, 0)) {
            assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
            send(first, "workflow-1", "on first");
            send(second, "workflow-2", "on second");

            assertThat(readAll(first, "reader", 1)).containsExactly(new Message("workflow-1", "on first"));
            assertThat(readAll(second, "reader", 1)).containsExactly(new Message("workflow-2", "on second"));
        }
    }

    @Test
    void shouldFailClearlyWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(directory, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("failed to start");
        }
    }

    private static void send(EmbeddedKafkaBroker broker, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not send to " + broker.bootstrapServers(), e);
        }
    }

    /** Reads the topic from the beginning as a new consumer group until {@code expected} messages arrived. */
    private static List<Message> readAll(EmbeddedKafkaBroker broker, String group, int expected) {
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> messages.add(new Message(r.key(), r.value())));
                return messages.size() >= expected;
            });
        }
        return messages;
    }

    private record Message(String key, String value) {
    }
}
