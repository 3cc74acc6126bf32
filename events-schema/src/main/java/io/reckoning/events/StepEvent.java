package io.reckoning.events;

/** An event about one attempt of one step; an attempt is identified by (runId, stepId, attempt). */
public sealed interface StepEvent extends RunEvent
        permits StepScheduled, StepStarted, StepSucceeded, StepFailed, StepAwaitingAttestation, StepAttested,
        StepSkipped {

    String stepId();

    /** 1 for the first attempt; 0 for a step that never ran (skipped before it was scheduled). */
    int attempt();
}
