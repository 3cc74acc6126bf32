package io.reckoning.executor.execution.external;

import io.reckoning.executor.execution.StepExecutor;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import io.reckoning.workflow.StepTypes;
import org.springframework.stereotype.Component;

/**
 * Work done outside the engine. The executor only announces the wait and returns; the run resumes when an
 * operator attests the step.
 */
@Component
class ExternalExecutor implements StepExecutor {

    @Override
    public String type() {
        return StepTypes.EXTERNAL;
    }

    @Override
    public StepResult execute(StepTask task) {
        return StepResult.awaitingAttestation(task);
    }
}
