package io.reckoning.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.reckoning.embeddedkafka.EmbeddedKafkaBroker;

/** One real Kafka broker per JVM, started on first use and gone with the JVM. */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    /** The broker's address, starting it on first call. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
        }
        return broker.bootstrapServers();
    }

    private static EmbeddedKafkaBroker start() {
        Path directory = createTempDirectory();
        EmbeddedKafkaBroker started;
        try {
            started = EmbeddedKafkaBroker.start(directory, 0);
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            deleteRecursively(directory);
        }, "test-kafka-shutdown"));
        return started;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("reckoning-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the test Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
