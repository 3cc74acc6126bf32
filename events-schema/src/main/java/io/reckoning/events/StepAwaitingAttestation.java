package io.reckoning.events;

/** An external step is waiting for an operator to attest its outcome. */
public record StepAwaitingAttestation(String runId, String stepId, int attempt, String instructions)
        implements StepEvent {
}
