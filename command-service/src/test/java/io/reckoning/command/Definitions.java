package io.reckoning.command;

import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.StepTypes;
import io.reckoning.workflow.WorkflowDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds workflow definitions for tests, in the order a reader writes them:
 * {@code workflow("review").input("url", "string").transform("a", output).external("b", "Check it.", "a").build()}.
 */
public final class Definitions {

    private final String name;
    private final Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
    private final List<StepDefinition> steps = new ArrayList<>();

    private Definitions(String name) {
        this.name = name;
    }

    public static Definitions workflow(String name) {
        return new Definitions(name);
    }

    /** A required input of the given JSON type. */
    public Definitions input(String inputName, String type) {
        inputs.put(inputName, new InputDeclaration(type, true));
        return this;
    }

    public Definitions optionalInput(String inputName, String type) {
        inputs.put(inputName, new InputDeclaration(type, false));
        return this;
    }

    /** A transform step whose output is {@code output} (templates allowed), after the steps it needs. */
    public Definitions transform(String id, Object output, String... needs) {
        steps.add(new StepDefinition(id, StepTypes.TRANSFORM, List.of(needs), output, null));
        return this;
    }

    /** An external step that waits for an operator, after the steps it needs. */
    public Definitions external(String id, String instructions, String... needs) {
        steps.add(new StepDefinition(id, StepTypes.EXTERNAL, List.of(needs), null, instructions));
        return this;
    }

    public WorkflowDefinition build() {
        return new WorkflowDefinition(name, new LinkedHashMap<>(inputs), List.copyOf(steps));
    }
}
