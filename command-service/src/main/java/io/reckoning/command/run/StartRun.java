package io.reckoning.command.run;

import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Start a run of one pinned workflow version; the inputs have passed pre-flight checks. */
public record StartRun(@TargetAggregateIdentifier String runId, String workflow, int version, String digest,
                       WorkflowDefinition definition, Map<String, Object> inputs, String idempotencyKey) {
}
