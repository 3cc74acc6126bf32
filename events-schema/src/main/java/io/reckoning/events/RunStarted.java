package io.reckoning.events;

import io.reckoning.workflow.WorkflowDefinition;

import java.util.Map;

/**
 * A run of one pinned workflow version started. It embeds the full definition so the run can be replayed
 * without the workflow registry.
 *
 * @param idempotencyKey the caller's key, or null; the same key always names the same run
 * @param rerunOf        the run this one reruns, or null; reused outputs follow as {@link StepSucceeded} with
 *                       attempt 0
 */
public record RunStarted(String runId, String workflow, int version, String digest, WorkflowDefinition definition,
                         Map<String, Object> inputs, String idempotencyKey, String rerunOf) implements RunEvent {

    public RunStarted {
        inputs = inputs == null ? Map.of() : inputs;
    }
}
