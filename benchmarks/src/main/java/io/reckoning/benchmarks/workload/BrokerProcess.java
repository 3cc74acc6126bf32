package io.reckoning.benchmarks.workload;

import io.reckoning.embeddedkafka.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone engine's single-node broker as a process of its own, for benchmarking the three services: the
 * broker's CPU and memory then show apart from theirs. Runs until the process is stopped (SIGTERM closes the
 * broker in order).
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void run(Path logDirectory, int port) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDirectory, port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println("Kafka broker listening on " + broker.bootstrapServers() + ", its log in " + logDirectory);
        new CountDownLatch(1).await();
    }
}
