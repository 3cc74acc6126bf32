package io.reckoning.events;

/** Every step of the run succeeded. */
public record RunSucceeded(String runId) implements RunEvent {
}
