package io.reckoning.workflow;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON type names inputs are declared with, and which Java values (as Jackson reads JSON) have them. */
final class JsonTypes {

    /** In a stable order, for messages. */
    static final Set<String> ALL = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("string", "number", "integer", "boolean", "object", "array")));

    private JsonTypes() {
    }

    static boolean hasType(Object value, String type) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger
                    || value instanceof Short || value instanceof Byte;
            case "boolean" -> value instanceof Boolean;
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            default -> false;
        };
    }

    /** The JSON type of a value, for messages: "a string", "an object". */
    static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (hasType(value, "integer")) {
            return "an integer";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "null";
    }
}
