package io.reckoning.events;

import java.util.List;

/**
 * An operator recorded the outcome of an external step.
 *
 * @param principal the authenticated caller who attested, never a value taken from the request body
 */
public record StepAttested(String runId, String stepId, int attempt, AttestationOutcome outcome, Object output,
                           List<Artifact> artifacts, String principal, String note) implements StepEvent {

    public StepAttested {
        artifacts = artifacts == null ? List.of() : artifacts;
    }
}
