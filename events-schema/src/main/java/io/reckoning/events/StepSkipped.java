package io.reckoning.events;

/** The step will never execute because the run ended before it could start. */
public record StepSkipped(String runId, String stepId, int attempt, String reason) implements StepEvent {
}
