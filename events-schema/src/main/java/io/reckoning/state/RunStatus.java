package io.reckoning.state;

/** Where a run stands; the last three are final. */
public enum RunStatus {
    RUNNING,
    WAITING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
