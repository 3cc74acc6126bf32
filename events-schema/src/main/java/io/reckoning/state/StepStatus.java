package io.reckoning.state;

/** Where a step stands in its run. */
public enum StepStatus {
    PENDING,
    SCHEDULED,
    RUNNING,
    WAITING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    CANCELLED;

    /** Done for good in this run. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }

    /** Handed to an executor and not finished: a result for it may still arrive. */
    public boolean isActive() {
        return this == SCHEDULED || this == RUNNING;
    }
}
