package io.reckoning.workflow;

import java.util.List;

/**
 * One step of a workflow. Which fields apply depends on {@code type}: {@code transform} has {@code output}
 * (any JSON, templated), {@code external} has {@code instructions} for the operator.
 */
public record StepDefinition(String id, String type, List<String> needs, Object output, String instructions) {

    public StepDefinition {
        needs = needs == null ? List.of() : needs;
    }
}
