package io.reckoning.events;

/** The step attempt failed; {@code retryable} says whether another attempt could succeed. */
public record StepFailed(String runId, String stepId, int attempt, StepError error, boolean retryable)
        implements StepEvent {
}
