package io.reckoning.command;

import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.RetryPolicy;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.StepTypes;
import io.reckoning.workflow.WorkflowDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds workflow definitions for tests, in the order a reader writes them:
 * {@code workflow("review").input("url", "string").transform("a", output).external("b", "Check it.", "a").build()}.
 * Step options follow the step they belong to:
 * {@code transform("a", output).retry(3, "PT1S", null).timeout("PT30S")}.
 */
public final class Definitions {

    private final String name;
    private final Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
    private final List<StepDefinition> steps = new ArrayList<>();
    private String runTimeout;

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
        steps.add(StepDefinition.of(id, StepTypes.TRANSFORM, List.of(needs), output, null));
        return this;
    }

    /** An external step that waits for an operator, after the steps it needs. */
    public Definitions external(String id, String instructions, String... needs) {
        steps.add(StepDefinition.of(id, StepTypes.EXTERNAL, List.of(needs), null, instructions));
        return this;
    }

    /** A wait step that succeeds once {@code duration} (ISO-8601, templates allowed) has passed since it started. */
    public Definitions waitFor(String id, String duration, String... needs) {
        steps.add(new StepDefinition(id, StepTypes.WAIT, List.of(needs), null, null, null, null, null, duration,
                null));
        return this;
    }

    /** A wait step that succeeds at {@code until} (an ISO-8601 instant, templates allowed). */
    public Definitions waitUntil(String id, String until, String... needs) {
        steps.add(new StepDefinition(id, StepTypes.WAIT, List.of(needs), null, null, null, null, null, null, until));
        return this;
    }

    /** Retries the step added last: up to {@code maxAttempts} attempts in all; null fields take the defaults. */
    public Definitions retry(Integer maxAttempts, String backoff, String maxBackoff) {
        RetryPolicy retry = new RetryPolicy(maxAttempts, backoff, maxBackoff);
        return changeLast(s -> new StepDefinition(s.id(), s.type(), s.needs(), s.output(), s.instructions(), retry,
                s.timeout(), s.dispatchTimeout(), s.duration(), s.until()));
    }

    /** Only these principals or roles may attest the (external) step added last; call it after the other modifiers. */
    public Definitions attestors(String... attestors) {
        return changeLast(s -> new StepDefinition(s.id(), s.type(), s.needs(), s.output(), s.instructions(), s.retry(),
                s.timeout(), s.dispatchTimeout(), s.duration(), s.until(), List.of(attestors), s.webhook()));
    }

    /** Limits how long each attempt of the step added last may run, from its start to its outcome. */
    public Definitions timeout(String timeout) {
        return changeLast(s -> new StepDefinition(s.id(), s.type(), s.needs(), s.output(), s.instructions(),
                s.retry(), timeout, s.dispatchTimeout(), s.duration(), s.until()));
    }

    /** Limits how long each attempt of the step added last may wait for an executor to pick it up. */
    public Definitions dispatchTimeout(String dispatchTimeout) {
        return changeLast(s -> new StepDefinition(s.id(), s.type(), s.needs(), s.output(), s.instructions(),
                s.retry(), s.timeout(), dispatchTimeout, s.duration(), s.until()));
    }

    /** Limits how long the whole run may take. */
    public Definitions runTimeout(String timeout) {
        this.runTimeout = timeout;
        return this;
    }

    public WorkflowDefinition build() {
        return new WorkflowDefinition(name, new LinkedHashMap<>(inputs), List.copyOf(steps), runTimeout);
    }

    private Definitions changeLast(UnaryOperator<StepDefinition> change) {
        if (steps.isEmpty()) {
            throw new IllegalStateException("Add a step before giving it options.");
        }
        int last = steps.size() - 1;
        steps.set(last, change.apply(steps.get(last)));
        return this;
    }
}
