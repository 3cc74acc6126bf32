package io.reckoning.executor.execution.transform;

import io.reckoning.executor.execution.StepExecutor;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import io.reckoning.workflow.StepTypes;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A deterministic step: its output is its {@code output} field, whose templates command-service already
 * resolved when it scheduled the step.
 */
@Component
class TransformExecutor implements StepExecutor {

    @Override
    public String type() {
        return StepTypes.TRANSFORM;
    }

    @Override
    public StepResult execute(StepTask task) {
        return StepResult.succeeded(task, task.input().get("output"), List.of());
    }
}
