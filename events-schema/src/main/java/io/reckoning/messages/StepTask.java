package io.reckoning.messages;

import java.time.Instant;
import java.util.Map;

/**
 * The work an executor is asked to do, published to {@code reckoning.step-tasks.<type>} keyed by run id.
 * Any Kafka client can be an executor for a step type by honouring this message and {@link StepResult}.
 *
 * @param input    the step's fields with every template already resolved
 * @param deadline when the engine stops waiting for a result of this attempt
 */
public record StepTask(String runId, String stepId, int attempt, String type, Map<String, Object> input,
                       Instant deadline) {

    public static final String TOPIC_PREFIX = "reckoning.step-tasks.";

    public StepTask {
        input = input == null ? Map.of() : input;
    }

    public static String topicFor(String type) {
        return TOPIC_PREFIX + type;
    }
}
