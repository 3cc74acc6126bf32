package io.reckoning.command.run;

import io.reckoning.events.StepSucceeded;
import io.reckoning.workflow.WorkflowDefinition;

import java.util.List;
import java.util.Map;

/** What a rerun starts from: the original's pinned version and inputs, and the outputs it reuses. */
public record RerunPlan(String workflow, int version, String digest, WorkflowDefinition definition,
                        Map<String, Object> inputs, List<StepSucceeded> reused) {
}
