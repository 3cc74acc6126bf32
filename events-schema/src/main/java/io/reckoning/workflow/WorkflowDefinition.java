package io.reckoning.workflow;

import java.util.List;
import java.util.Map;

/** A workflow: a named DAG of steps with declared inputs. The same model is read from JSON and YAML. */
public record WorkflowDefinition(String name, Map<String, InputDeclaration> inputs, List<StepDefinition> steps) {

    public WorkflowDefinition {
        inputs = inputs == null ? Map.of() : inputs;
        steps = steps == null ? List.of() : steps;
    }
}
