package io.reckoning.command.run;

/**
 * The payload of a step's timer: which attempt it was set for. A timer that fires after its attempt has moved on
 * (finished, retried, cancelled) finds a different state and does nothing.
 */
record StepDeadline(String stepId, int attempt) {

    static final String RETRY = "step-retry";
    static final String DISPATCH_TIMEOUT = "step-dispatch-timeout";
    static final String EXECUTION_TIMEOUT = "step-execution-timeout";
    static final String WAIT = "step-wait";
}
