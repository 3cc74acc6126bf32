package io.reckoning.executor.intake;

import io.reckoning.messages.StepTask;
import io.reckoning.support.kafka.PoisonMessage;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads a task off a task topic; what is not a task is a {@link PoisonMessage}, dead-lettered at once. */
@Component
public class TaskReader {

    /** The consumer group of every task listener of this service. */
    public static final String GROUP_ID = "reckoning-executor";

    private final ObjectReader reader;

    TaskReader(JsonMapper json) {
        this.reader = json.readerFor(StepTask.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public StepTask read(String value) {
        StepTask task;
        try {
            task = reader.readValue(value);
        } catch (JacksonException e) {
            throw new PoisonMessage("Not a step task: " + e.getMessage(), e);
        }
        if (task == null || task.runId() == null || task.stepId() == null || task.attempt() < 1 || task.type() == null
                || task.input() == null) {
            throw new PoisonMessage("A step task needs runId, stepId, attempt >= 1, type and input.");
        }
        return task;
    }
}
