package io.reckoning.command.run;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{ inputs.x }}} and {@code {{ steps.<id>.output.<path> }}} in a step's fields when the step is
 * scheduled, so the task carries concrete input and the event store records exactly what the step was given.
 * A string that is one template becomes the referenced value with its JSON type; a template inside a longer
 * string is replaced by the value's text (JSON for objects and arrays).
 */
final class Templates {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A template that names a value the run does not have. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message);
        }
    }

    private final Map<String, Object> inputs;
    private final Map<String, Object> stepOutputs;

    Templates(Map<String, Object> inputs, Map<String, Object> stepOutputs) {
        this.inputs = inputs;
        this.stepOutputs = stepOutputs;
    }

    Object resolve(Object value) {
        if (value instanceof String text) {
            return resolveString(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, item) -> resolved.put(String.valueOf(key), resolve(item)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(item -> resolved.add(resolve(item)));
            return resolved;
        }
        return value;
    }

    private Object resolveString(String text) {
        Matcher whole = TEMPLATE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1), text);
        }
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = lookup(matcher.group(1), matcher.group());
            String replacement = value instanceof String s ? s : JSON.writeValueAsString(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object lookup(String expression, String template) {
        String[] path = expression.split("\\.");
        if (path.length >= 2 && path[0].equals("inputs")) {
            return walk(inputs, path, 1, template, "the run's inputs");
        }
        if (path.length >= 3 && path[0].equals("steps") && path[2].equals("output")) {
            if (!stepOutputs.containsKey(path[1])) {
                throw new Unresolved("Template '" + template + "' refers to step '" + path[1]
                        + "', which has no output in this run.");
            }
            return walk(stepOutputs.get(path[1]), path, 3, template, "the output of step '" + path[1] + "'");
        }
        throw new Unresolved("Template '" + template
                + "' must read {{ inputs.<name> }} or {{ steps.<id>.output.<path> }}.");
    }

    private static Object walk(Object root, String[] path, int from, String template, String where) {
        Object current = root;
        for (int i = from; i < path.length; i++) {
            String key = path[i];
            if (current instanceof Map<?, ?> map && map.containsKey(key)) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
                current = list.get(Integer.parseInt(key));
            } else {
                throw new Unresolved("Template '" + template + "' refers to '" + String.join(".", List.of(path).subList(from, i + 1))
                        + "', which does not exist in " + where + ".");
            }
        }
        return current;
    }
}
