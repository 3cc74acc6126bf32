package io.reckoning.workflow;

import java.util.List;
import java.util.Map;

/**
 * A workflow: a named DAG of steps with declared inputs. The same model is read from JSON and YAML.
 *
 * @param timeout how long a run may take in all (ISO-8601 duration); null means no limit
 */
public record WorkflowDefinition(String name, Map<String, InputDeclaration> inputs, List<StepDefinition> steps,
                                 String timeout) {

    public WorkflowDefinition {
        inputs = inputs == null ? Map.of() : inputs;
        steps = steps == null ? List.of() : steps;
    }

    public WorkflowDefinition(String name, Map<String, InputDeclaration> inputs, List<StepDefinition> steps) {
        this(name, inputs, steps, null);
    }
}
