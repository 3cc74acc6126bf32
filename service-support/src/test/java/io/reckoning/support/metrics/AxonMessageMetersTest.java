package io.reckoning.support.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AxonMessageMetersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AxonMessageMeters meters = new AxonMessageMeters(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void countsEachProcessorsEventsByOutcomeAndPayloadTypeAndTracksTheAgeOfTheLastOne() {
        var monitor = meters.monitor(TrackingEventProcessor.class, "run-view");
        var old = new GenericEventMessage<>("id-1", "one", MetaData.emptyInstance(), NOW.minusMillis(1_500));
        monitor.onMessageIngested(old).reportSuccess();
        monitor.onMessageIngested(new GenericEventMessage<>("two")).reportSuccess();
        monitor.onMessageIngested(new GenericEventMessage<>(42)).reportFailure(new IllegalStateException());
        monitor.onMessageIngested(new GenericEventMessage<>(43)).reportIgnored();

        assertThat(registry.get("eventProcessor.processedCounter").tags("processorName", "run-view", "payloadType", "String")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.failureCounter").tags("processorName", "run-view", "payloadType", "Integer")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.processedCounter").tags("processorName", "run-view", "payloadType", "Integer")
                .counter().count()).isZero();

        monitor.onMessageIngested(old);
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "run-view").gauge().value()).isEqualTo(1_500);
    }

    @Test
    void countsCommandsByOutcomeAndLeavesOtherComponentsUnmeasured() {
        var monitor = meters.monitor(CommandBus.class, "commandBus");
        monitor.onMessageIngested(new GenericCommandMessage<>("start")).reportSuccess();
        monitor.onMessageIngested(new GenericCommandMessage<>("start")).reportFailure(new IllegalStateException());

        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "String").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.failureCounter").tag("payloadType", "String").counter().count()).isEqualTo(1);
        assertThat(meters.monitor(QueryBus.class, "queryBus")).isSameAs(NoOpMessageMonitor.instance());
    }
}
