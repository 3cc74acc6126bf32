package io.reckoning.events;

/** The run was stopped on request; its unfinished steps are cancelled and later results are ignored. */
public record RunCancelled(String runId, String reason, String principal) implements RunEvent {
}
