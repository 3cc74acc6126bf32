package io.reckoning.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable wire names and versions of every event. Stored events and Kafka messages carry these names,
 * never Java class names, so moving or renaming a class cannot break the history.
 */
public final class EventTypes {

    /** One event type: its wire name, its schema version and the record that holds it. */
    public record EventType(String name, int version, Class<?> javaType) {

        /** The CloudEvents {@code type} attribute, e.g. {@code reckoning.RunStarted.v1}. */
        public String cloudEventType() {
            return "reckoning." + name + ".v" + version;
        }

        /** The JSON Schema resource on the classpath. */
        public String schemaResource() {
            return "/schemas/events/" + name + ".v" + version + ".schema.json";
        }
    }

    private static final List<EventType> ALL = List.of(
            new EventType("WorkflowRegistered", 1, WorkflowRegistered.class),
            new EventType("RunStarted", 1, RunStarted.class),
            new EventType("StepScheduled", 1, StepScheduled.class),
            new EventType("StepStarted", 1, StepStarted.class),
            new EventType("StepSucceeded", 1, StepSucceeded.class),
            new EventType("StepFailed", 1, StepFailed.class),
            new EventType("StepAwaitingAttestation", 1, StepAwaitingAttestation.class),
            new EventType("RunWaiting", 1, RunWaiting.class),
            new EventType("StepAttested", 1, StepAttested.class),
            new EventType("RunResumed", 1, RunResumed.class),
            new EventType("StepSkipped", 1, StepSkipped.class),
            new EventType("RunSucceeded", 1, RunSucceeded.class),
            new EventType("RunFailed", 1, RunFailed.class),
            new EventType("StepRetryScheduled", 1, StepRetryScheduled.class),
            new EventType("StepTimedOut", 1, StepTimedOut.class),
            new EventType("RunCancelled", 1, RunCancelled.class),
            new EventType("StepOutputCorrected", 1, StepOutputCorrected.class));

    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));
    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> of(Class<?> javaType) {
        return Optional.ofNullable(BY_CLASS.get(javaType));
    }

    public static Optional<EventType> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
