package io.reckoning.events;

/** An executor picked up the step attempt. */
public record StepStarted(String runId, String stepId, int attempt) implements StepEvent {
}
