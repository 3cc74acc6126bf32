package io.reckoning.events;

import java.util.List;

/** The step attempt produced its output. {@code output} is any JSON value. */
public record StepSucceeded(String runId, String stepId, int attempt, Object output, List<Artifact> artifacts)
        implements StepEvent {

    public StepSucceeded {
        artifacts = artifacts == null ? List.of() : artifacts;
    }
}
