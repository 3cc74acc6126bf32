package io.reckoning.events;

import java.util.List;

/** Nothing can run until an operator attests one of {@code waitingSteps}. */
public record RunWaiting(String runId, List<String> waitingSteps) implements RunEvent {

    public RunWaiting {
        waitingSteps = waitingSteps == null ? List.of() : waitingSteps;
    }
}
