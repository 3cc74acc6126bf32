package io.reckoning.standalone;

import io.reckoning.embeddedkafka.EmbeddedKafkaBroker;
import org.springframework.context.SmartLifecycle;

/**
 * Ties the embedded broker, started before the context, to the context's shutdown: it stops last, after every
 * Kafka consumer, producer user and event processor has stopped, so none of them loses its broker mid-flight.
 */
final class BrokerLifecycle implements SmartLifecycle {

    private final EmbeddedKafkaBroker broker;
    private volatile boolean running = true;

    BrokerLifecycle(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @Override
    public void start() {
        // started by the launcher before the context, so that Kafka clients find it
    }

    @Override
    public void stop() {
        if (running) {
            running = false;
            broker.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
