package io.reckoning.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-flight check of a run's inputs against the workflow's declarations; reports every problem at once. An input
 * that is absent (or null) counts as given when its declaration has a default: {@link #withDefaults} supplies it.
 */
public final class InputValidator {

    private InputValidator() {
    }

    public static List<Violation> validate(WorkflowDefinition definition, Map<String, Object> inputs) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> given = inputs == null ? Map.of() : inputs;
        definition.inputs().forEach((name, declaration) -> {
            Object value = given.get(name);
            if (value == null) {
                if (declaration.isRequired() && declaration.defaultValue() == null) {
                    violations.add(new Violation("/inputs/" + Pointers.escape(name),
                            "Input '" + name + "' is required by workflow '" + definition.name() + "'."));
                }
            } else if (!JsonTypes.hasType(value, declaration.type())) {
                violations.add(new Violation("/inputs/" + Pointers.escape(name),
                        "Input '" + name + "' must be of type " + declaration.type() + ", but it is "
                                + JsonTypes.describe(value) + "."));
            }
        });
        given.keySet().stream().filter(name -> !definition.inputs().containsKey(name)).sorted()
                .forEach(name -> violations.add(new Violation("/inputs/" + Pointers.escape(name),
                        "Workflow '" + definition.name() + "' declares no input '" + name + "'.")));
        return violations;
    }

    /**
     * The inputs a run works with: those given, then the declared default of every input not given (absent or
     * null), in declaration order. Inputs without a default that were not given stay absent.
     */
    public static Map<String, Object> withDefaults(WorkflowDefinition definition, Map<String, Object> inputs) {
        Map<String, Object> complete = new LinkedHashMap<>();
        if (inputs != null) {
            complete.putAll(inputs);
        }
        definition.inputs().forEach((name, declaration) -> {
            if (complete.get(name) == null && declaration != null && declaration.defaultValue() != null) {
                complete.put(name, declaration.defaultValue());
            }
        });
        return Collections.unmodifiableMap(complete);
    }
}
