package io.reckoning.command.preflight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.command.config.CommandMetrics;
import io.reckoning.command.config.CommandProperties;
import io.reckoning.messages.StepTask;
import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.StepTypes;
import io.reckoning.workflow.Violation;
import io.reckoning.workflow.WorkflowDefinition;
import io.reckoning.workflow.WorkflowValidator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks a run must pass before it starts, so that it does not start only to strand: the pinned definition
 * is still valid under today's rules, and every step type it uses has an executor consuming its task topic.
 * A failure is a 422 listing every reason, and no run is created. Passes and failures are counted (the workbench
 * runbook watches the pre-flight pass rate).
 */
@Component
public class Preflight {

    private final ExecutorDirectory executors;
    private final CommandProperties properties;
    private final Counter passed;
    private final Counter failed;

    Preflight(ExecutorDirectory executors, CommandProperties properties, MeterRegistry meters) {
        this.executors = executors;
        this.properties = properties;
        this.passed = counter(meters, "passed");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(CommandMetrics.PREFLIGHT).tag("outcome", outcome)
                .description("Pre-flight checks of run starts").register(meters);
    }

    public void check(WorkflowDefinition definition) {
        List<Violation> reasons = new ArrayList<>(WorkflowValidator.validate(definition));
        if (properties.requireExecutors()) {
            List<StepDefinition> steps = definition.steps();
            for (int i = 0; i < steps.size(); i++) {
                String type = steps.get(i).type();
                if (StepTypes.DISPATCHED.contains(type) && !executors.isConsumed(StepTask.topicFor(type))) {
                    reasons.add(new Violation("/steps/" + i + "/type", "No executor is consuming "
                            + StepTask.topicFor(type) + ", so step '" + steps.get(i).id() + "' could not run."));
                }
            }
        }
        if (!reasons.isEmpty()) {
            failed.increment();
            throw new ApiException(422, "preflight-failed", "The run was not started: " + reasons.get(0).message()
                    + (reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more, see errors)" : ""),
                    Map.of("errors", reasons));
        }
        passed.increment();
    }
}
