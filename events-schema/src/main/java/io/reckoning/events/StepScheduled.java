package io.reckoning.events;

import java.util.Map;

/**
 * A step attempt was handed to the executors of its type.
 *
 * @param input the step's fields with every template resolved: exactly what the executor is given
 */
public record StepScheduled(String runId, String stepId, int attempt, String type, Map<String, Object> input)
        implements StepEvent {

    public StepScheduled {
        input = input == null ? Map.of() : input;
    }
}
