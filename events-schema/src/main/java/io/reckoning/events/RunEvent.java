package io.reckoning.events;

/**
 * Every event in a run's stream. Sealed so that a projection or the state machine can be checked for
 * handling all of them.
 */
public sealed interface RunEvent
        permits RunStarted, RunWaiting, RunResumed, RunSucceeded, RunFailed, RunCancelled, StepEvent {

    String runId();
}
