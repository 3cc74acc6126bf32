package io.reckoning.events;

/** An event about one attempt of one step; an attempt is identified by (runId, stepId, attempt). */
public sealed interface StepEvent extends RunEvent
        permits StepScheduled, StepStarted, StepSucceeded, StepFailed, StepAwaitingAttestation, StepAttested,
        StepSkipped, StepRetryScheduled, StepTimedOut, StepOutputCorrected {

    String stepId();

    /**
     * 1 for the first attempt; 0 for a step that did not run in this run: skipped before it was scheduled, or
     * (for {@link StepSucceeded}) an output reused from the run this one reruns.
     */
    int attempt();
}
