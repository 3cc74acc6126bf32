package io.reckoning.messages;

import io.reckoning.events.Artifact;
import io.reckoning.events.StepError;

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
 */
public record StepResult(String runId, String stepId, int attempt, String kind, Object output, StepError error,
                         boolean retryable, List<Artifact> artifacts, Map<String, Object> usage) {

    public static final String TOPIC = "reckoning.step-results";

    public static final String STARTED = "started";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String AWAITING_ATTESTATION = "awaiting-attestation";
    public static final Set<String> KINDS = Set.of(STARTED, SUCCEEDED, FAILED, AWAITING_ATTESTATION);

    public StepResult {
        artifacts = artifacts == null ? List.of() : artifacts;
    }

    public static StepResult started(StepTask task) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), STARTED, null, null, false, List.of(), null);
    }

    public static StepResult succeeded(StepTask task, Object output, List<Artifact> artifacts) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), SUCCEEDED, output, null, false, artifacts,
                null);
    }

    public static StepResult failed(StepTask task, StepError error, boolean retryable) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), FAILED, null, error, retryable, List.of(),
                null);
    }

    public static StepResult awaitingAttestation(StepTask task) {
        return new StepResult(task.runId(), task.stepId(), task.attempt(), AWAITING_ATTESTATION, null, null, false,
                List.of(), null);
    }
}
