package io.reckoning.workflow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pre-flight check of a run's inputs against the workflow's declarations; reports every problem at once. */
public final class InputValidator {

    private InputValidator() {
    }

    public static List<Violation> validate(WorkflowDefinition definition, Map<String, Object> inputs) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> given = inputs == null ? Map.of() : inputs;
        definition.inputs().forEach((name, declaration) -> {
            Object value = given.get(name);
            if (value == null) {
                if (declaration.required()) {
                    violations.add(new Violation("/inputs/" + name,
                            "Input '" + name + "' is required by workflow '" + definition.name() + "'."));
                }
            } else if (!hasType(value, declaration.type())) {
                violations.add(new Violation("/inputs/" + name,
                        "Input '" + name + "' must be of type " + declaration.type() + "."));
            }
        });
        given.keySet().stream().filter(name -> !definition.inputs().containsKey(name)).sorted()
                .forEach(name -> violations.add(new Violation("/inputs/" + name,
                        "Workflow '" + definition.name() + "' declares no input '" + name + "'.")));
        return violations;
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            case "boolean" -> value instanceof Boolean;
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            default -> false;
        };
    }
}
