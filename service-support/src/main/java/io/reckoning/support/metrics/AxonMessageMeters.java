package io.reckoning.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Axon meters the dashboards read, and only those: per event processor {@code eventProcessor.processedCounter},
 * {@code eventProcessor.failureCounter} (tags processorName, payloadType) and {@code eventProcessor.latency} (age in
 * ms of the last event it took in), per command type {@code commandBus.successCounter} and
 * {@code commandBus.failureCounter} (tag payloadType). The names are those of Axon's dimensional meters.
 * <p>
 * Replaces axon-micrometer's auto-configuration, whose timers with sliding-window reservoirs on every processor and
 * capacity gauge looked up again for every message took 14 % of the engine's CPU in the W10 benchmark
 * (docs/performance.md). Each counter here is looked up once per payload type and then only incremented.
 */
public final class AxonMessageMeters implements ConfigurerModule {

    private final MeterRegistry registry;
    private final Clock clock;

    public AxonMessageMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitor);
    }

    MessageMonitor<Message<?>> monitor(Class<?> component, String name) {
        if (EventProcessor.class.isAssignableFrom(component)) {
            AtomicLong latency = new AtomicLong();
            Gauge.builder("eventProcessor.latency", latency, AtomicLong::get).tag("processorName", name)
                    .description("age in milliseconds of the last event the processor took in")
                    .register(registry);
            return new Counting("eventProcessor", "processedCounter", Tags.of("processorName", name), latency);
        }
        if (CommandBus.class.isAssignableFrom(component)) {
            return new Counting("commandBus", "successCounter", Tags.empty(), null);
        }
        return NoOpMessageMonitor.instance();
    }

    /** Counts outcomes per payload type; the counters of a type are registered when its first message arrives. */
    private final class Counting implements MessageMonitor<Message<?>> {

        private final String prefix;
        private final String successName;
        private final Tags tags;
        private final AtomicLong latency;
        private final Map<Class<?>, Outcomes> byType = new ConcurrentHashMap<>();

        Counting(String prefix, String successName, Tags tags, AtomicLong latency) {
            this.prefix = prefix;
            this.successName = successName;
            this.tags = tags;
            this.latency = latency;
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            if (latency != null && message instanceof EventMessage<?> event) {
                latency.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
            }
            Outcomes outcomes = byType.computeIfAbsent(message.getPayloadType(), this::outcomes);
            return outcomes;
        }

        private Outcomes outcomes(Class<?> payloadType) {
            Tags typed = tags.and("payloadType", payloadType.getSimpleName());
            return new Outcomes(registry.counter(prefix + "." + successName, typed),
                    registry.counter(prefix + ".failureCounter", typed));
        }
    }

    /** An ignored message (a processor without a handler for it) is counted as neither. */
    private record Outcomes(Counter success, Counter failure) implements MessageMonitor.MonitorCallback {

        @Override
        public void reportSuccess() {
            success.increment();
        }

        @Override
        public void reportFailure(Throwable cause) {
            failure.increment();
        }

        @Override
        public void reportIgnored() {
        }
    }
}
