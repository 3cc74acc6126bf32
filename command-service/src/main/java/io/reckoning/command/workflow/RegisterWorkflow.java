package io.reckoning.command.workflow;

import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a validated definition under its name; {@code digest} identifies its content. */
public record RegisterWorkflow(@TargetAggregateIdentifier String workflowId, WorkflowDefinition definition,
                               String digest) {

    public static RegisterWorkflow of(WorkflowDefinition definition, String digest) {
        return new RegisterWorkflow(Workflow.idOf(definition.name()), definition, digest);
    }
}
