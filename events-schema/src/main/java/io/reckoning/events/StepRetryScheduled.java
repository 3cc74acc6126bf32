package io.reckoning.events;

import java.time.Instant;

/**
 * Attempt {@code attempt} of the step failed (or timed out) and its retry policy allows another:
 * attempt {@code nextAttempt} will be scheduled at {@code retryAt}. {@code reason} is why the attempt ended.
 */
public record StepRetryScheduled(String runId, String stepId, int attempt, int nextAttempt, Instant retryAt,
                                 StepError reason) implements StepEvent {
}
