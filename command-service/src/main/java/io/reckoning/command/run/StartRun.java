package io.reckoning.command.run;

import io.reckoning.events.StepSucceeded;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Start a run of one pinned workflow version; the inputs have passed pre-flight checks.
 *
 * @param rerunOf the run this one reruns, or null
 * @param reused  outputs taken over from {@code rerunOf} (their steps do not run again); empty for a fresh run
 */
public record StartRun(@TargetAggregateIdentifier String runId, String workflow, int version, String digest,
                       WorkflowDefinition definition, Map<String, Object> inputs, String idempotencyKey,
                       String rerunOf, List<StepSucceeded> reused) {

    public StartRun {
        reused = reused == null ? List.of() : reused;
    }
}
