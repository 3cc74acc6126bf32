package io.reckoning.events;

/** A step failed for good, so the run halted; {@code stepId} names it. */
public record RunFailed(String runId, String stepId, StepError error) implements RunEvent {
}
