package io.reckoning.events;

/** What an operator says an external step came to. */
public enum AttestationOutcome {
    SUCCEEDED,
    FAILED
}
