package io.reckoning.messages;

import io.reckoning.events.Artifact;
import io.reckoning.events.StepError;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an executor reports about one attempt, published to {@code reckoning.step-results} keyed by run id.
 * Delivery is at-least-once: the engine accepts one outcome per (runId, stepId, attempt) and ignores the rest.
 *
 * @param kind one of {@link #STARTED}, {@link #SUCCEEDED}, {@link #FAILED}, {@link #AWAITING_ATTESTATION}
 * @param output any JSON value, for {@code succeeded}
 * @param usage resource usage such as tokens, for {@code succeeded}; may be null
 * @param retryAfter for a retryable {@code failed}: the least time (ISO-8601 duration) before another attempt, as
 *                   the failing service asked (an HTTP {@code Retry-After}); null when it did not say
 */
public record StepResult(String runId, String stepId, int attempt, String kind, Object output, StepError error,
                         boolean retryable, List<Artifact> artifacts, Map<String, Object> usage, String retryAfter) {

    public static final String TOPIC = "reckoning.step-results";

    public static final String STARTED = "started";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String AWAITING_ATTESTATION = "awaiting-attestation";
    public static final Set<String> KINDS = Set.of(STARTED, SUCCEEDED, FAILED, AWAITING_ATTESTATION);

    public StepResult {
        artifacts = artifacts == null ? List.of() : artifacts;
    }

    public StepResult(String runId, String stepId, int attempt, String kind, Object output, StepError error,
                      boolean retryable, List<Artifact> artifacts, Map<String, Object> usage) {
        this(runId, stepId, attempt, kind, output, error, retryable, artifacts, usage, null);
    }

    public static StepResult started(StepTask task) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), STARTED, null, null, false, List.of(), null);
    }

    public static StepResult succeeded(StepTask task, Object output, List<Artifact> artifacts) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), SUCCEEDED, output, null, false, artifacts,
                null);
    }

    /** A success that also reports what it used, such as tokens. */
    public static StepResult succeeded(StepTask task, Object output, List<Artifact> artifacts,
                                       Map<String, Object> usage) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), SUCCEEDED, output, null, false, artifacts,
                usage);
    }

    public static StepResult failed(StepTask task, StepError error, boolean retryable) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), FAILED, null, error, retryable, List.of(),
                null);
    }

    /** A retryable failure whose next attempt must wait at least {@code retryAfter}. */
    public static StepResult failed(StepTask task, StepError error, Duration retryAfter) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), FAILED, null, error, true, List.of(), null,
                retryAfter == null ? null : retryAfter.toString());
    }

    public static StepResult awaitingAttestation(StepTask task) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), AWAITING_ATTESTATION, null, null, false,
                List.of(), null);
    }
}
