package io.reckoning.events;

/**
 * An attempt ran out of time: {@code phase} is {@code dispatch} (no executor picked it up in time),
 * {@code execution} (it started but reported no outcome in time). It counts as a retryable failure.
 *
 * @param timeout the limit that expired, as an ISO-8601 duration
 */
public record StepTimedOut(String runId, String stepId, int attempt, String phase, String timeout)
        implements StepEvent {

    public static final String DISPATCH = "dispatch";
    public static final String EXECUTION = "execution";
}
