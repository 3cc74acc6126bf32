package io.reckoning.events;

/**
 * A waiting run continues because of {@code stepId}: it was attested, or it timed out and will be tried again.
 */
public record RunResumed(String runId, String stepId) implements RunEvent {
}
