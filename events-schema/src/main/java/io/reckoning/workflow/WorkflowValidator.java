package io.reckoning.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a definition and reports every problem at once, each with a JSON pointer and a sentence. This class holds
 * the workflow-wide rules (name, time limit, inputs, step ids, needs, cycles); {@link StepChecks} the rules of one
 * step, {@link TemplateChecks} what templates may refer to.
 */
public final class WorkflowValidator {

    /** The most steps a workflow may have. */
    public static final int MAX_STEPS = 1_000;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");

    private WorkflowValidator() {
    }

    public static List<Violation> validate(WorkflowDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        checkName(definition, violations);
        if (definition.timeout() != null) {
            Durations.positive(definition.timeout(), "The workflow's timeout", "/timeout", violations);
        }
        checkInputs(definition, violations);
        if (definition.steps().isEmpty()) {
            violations.add(new Violation("/steps", "A workflow needs at least one step."));
            return violations;
        }
        if (definition.steps().size() > MAX_STEPS) {
            violations.add(new Violation("/steps", "A workflow may have at most " + String.format("%,d", MAX_STEPS)
                    + " steps; this one has " + String.format("%,d", definition.steps().size())
                    + ". Split it into smaller workflows."));
            return violations;
        }
        Map<String, StepDefinition> byId = checkSteps(definition.steps(), violations);
        checkNeeds(definition.steps(), byId, violations);
        findCycle(byId).ifPresent(cycle -> violations.add(new Violation("/steps",
                "The steps form a cycle: " + String.join(" -> ", cycle) + ".")));
        TemplateChecks.check(definition, byId, violations);
        return violations;
    }

    private static void checkName(WorkflowDefinition definition, List<Violation> violations) {
        if (definition.name() == null || !NAME.matcher(definition.name()).matches()) {
            violations.add(new Violation("/name", "The workflow name must be 1 to 100 lowercase letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit."));
        }
    }

    private static void checkInputs(WorkflowDefinition definition, List<Violation> violations) {
        definition.inputs().forEach((name, declaration) -> {
            String at = "/inputs/" + Pointers.escape(name);
            if (declaration == null || !JsonTypes.ALL.contains(declaration.type())) {
                violations.add(new Violation(at + "/type",
                        "Input '" + name + "' must declare a type, one of " + JsonTypes.ALL + "."));
            } else if (declaration.defaultValue() != null
                    && !JsonTypes.hasType(declaration.defaultValue(), declaration.type())) {
                violations.add(new Violation(at + "/default", "The default of input '" + name + "' must be of type "
                        + declaration.type() + ", but it is " + JsonTypes.describe(declaration.defaultValue()) + "."));
            }
        });
    }

    /** Checks each step on its own; returns the steps with a valid id, by id (the first of a duplicated id). */
    private static Map<String, StepDefinition> checkSteps(List<StepDefinition> steps, List<Violation> violations) {
        Map<String, StepDefinition> byId = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition step = steps.get(i);
            String at = Pointers.step(i);
            if (step == null) {
                violations.add(new Violation(at, "A step must be an object."));
                continue;
            }
            if (step.id() == null || !STEP_ID.matcher(step.id()).matches()) {
                violations.add(new Violation(at + "/id",
                        "A step id must be 1 to 100 letters, digits, '_' or '-', starting with a letter."));
            } else if (byId.putIfAbsent(step.id(), step) != null) {
                violations.add(new Violation(at + "/id", "Step id '" + step.id() + "' is used by more than one step."));
            }
            StepChecks.check(step, i, violations);
        }
        return byId;
    }

    private static void checkNeeds(List<StepDefinition> steps, Map<String, StepDefinition> byId,
                                   List<Violation> violations) {
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition step = steps.get(i);
            if (step == null) {
                continue;
            }
            for (int n = 0; n < step.needs().size(); n++) {
                String need = step.needs().get(n);
                String at = Pointers.step(i) + "/needs/" + n;
                if (need == null) {
                    violations.add(new Violation(at,
                            "Step '" + step.id() + "' has an empty entry in 'needs'; each entry must be a step id."));
                } else if (!byId.containsKey(need)) {
                    violations.add(new Violation(at,
                            "Step '" + step.id() + "' needs '" + need + "', which is not a step of this workflow."));
                } else if (need.equals(step.id())) {
                    violations.add(new Violation(at, "Step '" + step.id() + "' cannot need itself."));
                }
            }
        }
    }

    /** Depth-first search; returns the first cycle found, closed (its first step repeated at the end). */
    private static Optional<List<String>> findCycle(Map<String, StepDefinition> byId) {
        Set<String> done = new HashSet<>();
        for (String start : byId.keySet()) {
            List<String> cycle = visit(start, byId, done, new ArrayList<>());
            if (cycle != null) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    private static List<String> visit(String id, Map<String, StepDefinition> byId, Set<String> done,
                                      List<String> path) {
        if (done.contains(id)) {
            return null;
        }
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        StepDefinition step = byId.get(id);
        if (step == null) {
            return null;
        }
        path.add(id);
        for (String need : step.needs()) {
            if (need != null && !need.equals(id)) {
                List<String> cycle = visit(need, byId, done, path);
                if (cycle != null) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        done.add(id);
        return null;
    }
}
