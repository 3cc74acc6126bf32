package io.reckoning.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a definition and reports every problem at once, each with a JSON pointer. */
public final class WorkflowValidator {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Set<String> INPUT_TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");

    private WorkflowValidator() {
    }

    public static List<Violation> validate(WorkflowDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        if (definition.name() == null || !NAME.matcher(definition.name()).matches()) {
            violations.add(new Violation("/name",
                    "The workflow name must be 1 to 100 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }
        definition.inputs().forEach((name, declaration) -> {
            if (declaration == null || !INPUT_TYPES.contains(declaration.type())) {
                violations.add(new Violation("/inputs/" + escape(name) + "/type",
                        "Input '" + name + "' must declare a type, one of " + INPUT_TYPES + "."));
            }
        });
        if (definition.steps().isEmpty()) {
            violations.add(new Violation("/steps", "A workflow needs at least one step."));
            return violations;
        }
        Map<String, StepDefinition> byId = new LinkedHashMap<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            StepDefinition step = definition.steps().get(i);
            String at = "/steps/" + i;
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
            checkType(step, at, violations);
        }
        for (int i = 0; i < definition.steps().size(); i++) {
            StepDefinition step = definition.steps().get(i);
            if (step == null) {
                continue;
            }
            for (int n = 0; n < step.needs().size(); n++) {
                String need = step.needs().get(n);
                if (need == null) {
                    violations.add(new Violation("/steps/" + i + "/needs/" + n,
                            "Step '" + step.id() + "' has an empty entry in 'needs'; each entry must be a step id."));
                } else if (!byId.containsKey(need)) {
                    violations.add(new Violation("/steps/" + i + "/needs/" + n,
                            "Step '" + step.id() + "' needs '" + need + "', which is not a step of this workflow."));
                } else if (need.equals(step.id())) {
                    violations.add(new Violation("/steps/" + i + "/needs/" + n,
                            "Step '" + step.id() + "' cannot need itself."));
                }
            }
        }
        findCycle(byId).ifPresent(cycle -> violations.add(new Violation("/steps",
                "The steps form a cycle: " + String.join(" -> ", cycle) + ".")));
        return violations;
    }

    private static void checkType(StepDefinition step, String at, List<Violation> violations) {
        if (step.type() == null) {
            violations.add(new Violation(at + "/type", "A step needs a type, one of " + StepTypes.ALL + "."));
            return;
        }
        if (!StepTypes.ALL.contains(step.type())) {
            violations.add(new Violation(at + "/type",
                    "Step type '" + step.type() + "' is unknown; known types are " + StepTypes.ALL + "."));
            return;
        }
        if (StepTypes.TRANSFORM.equals(step.type()) && step.output() == null) {
            violations.add(new Violation(at + "/output", "A transform step needs an 'output'."));
        }
        if (StepTypes.EXTERNAL.equals(step.type()) && (step.instructions() == null || step.instructions().isBlank())) {
            violations.add(new Violation(at + "/instructions",
                    "An external step needs 'instructions' that tell the operator what to do."));
        }
    }

    /** Escapes a JSON pointer reference token (RFC 6901): '~' becomes "~0" and '/' becomes "~1". */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
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
