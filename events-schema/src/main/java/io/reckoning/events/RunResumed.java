package io.reckoning.events;

/** A waiting run continues because {@code stepId} was attested. */
public record RunResumed(String runId, String stepId) implements RunEvent {
}
