package io.reckoning.command.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reckoning.command.config.CommandMetrics;
import io.reckoning.events.EventTypes;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Counts the events appended to the store and times their append. A dispatch interceptor on the event store sees
 * every event a unit of work publishes (commands, deadlines); the count moves after the commit, so a rolled-back
 * command counts nothing, and the timer runs from the start of the commit phase, where the events are appended, to
 * the end of the database commit.
 */
@Component
class AppendMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String STARTED = AppendMetrics.class.getName() + ".started";

    private final MeterRegistry meters;
    private final Timer latency;

    AppendMetrics(EventStore eventStore, MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder(CommandMetrics.APPEND_LATENCY)
                .serviceLevelObjectives(CommandMetrics.APPEND_LATENCY_BUCKETS)
                .description("Time from the append of a unit of work's events to the end of its commit")
                .register(meters);
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            if (root.resources().putIfAbsent(STARTED, Boolean.FALSE) == null) {
                root.onPrepareCommit(unitOfWork -> unitOfWork.resources().put(STARTED, System.nanoTime()));
                root.afterCommit(unitOfWork -> {
                    if (unitOfWork.resources().get(STARTED) instanceof Long started) {
                        latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    }
                });
            }
            List<String> types = messages.stream().map(AppendMetrics::type).toList();
            root.afterCommit(unitOfWork -> types.forEach(this::count));
        } else {
            messages.forEach(message -> count(type(message)));
        }
        return (index, message) -> message;
    }

    private void count(String type) {
        Counter.builder(CommandMetrics.EVENTS_APPENDED).tag("type", type)
                .description("Events committed to the event store").register(meters).increment();
    }

    private static String type(EventMessage<?> message) {
        return EventTypes.of(message.getPayloadType()).map(EventTypes.EventType::name)
                .orElse(message.getPayloadType().getSimpleName());
    }
}
