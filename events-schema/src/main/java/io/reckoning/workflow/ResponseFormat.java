package io.reckoning.workflow;

import java.util.Map;
import java.util.Set;

/**
 * What an llm step's answer must be: {@code text} (the default), or {@code json}, optionally satisfying a JSON
 * Schema (draft 2020-12). An answer that is not JSON, or violates the schema, fails the step.
 *
 * @param schema for {@code json}: the JSON Schema the parsed answer must satisfy; null means any JSON
 */
public record ResponseFormat(String type, Map<String, Object> schema) {

    public static final String TEXT = "text";
    public static final String JSON = "json";
    public static final Set<String> TYPES = Set.of(TEXT, JSON);
}
