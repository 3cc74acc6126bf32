package io.reckoning.executor.execution.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic stand-in for demos and tests, used when no provider is configured: the same request always gets
 * the same answer, a text that quotes the prompt, or JSON shaped by the step's schema. Tokens are counted as words.
 */
final class FakeProvider implements LlmProvider {

    private static final int QUOTED = 200;

    @Override
    public String name() {
        return LlmProperties.FAKE;
    }

    @Override
    public LlmAnswer complete(LlmRequest request) {
        String text = request.json()
                ? AnswerFormat.JSON.writeValueAsString(sample(request.schema() == null ? Map.of() : request.schema()))
                : "Fake answer to: " + (request.prompt().length() <= QUOTED ? request.prompt()
                : request.prompt().substring(0, QUOTED) + "…");
        String asked = (request.system() == null ? "" : request.system() + " ") + request.prompt();
        return new LlmAnswer(text, request.model(), "stop", words(asked), words(text));
    }

    /** A value of the schema's type, objects with every declared property; {@code {"fake": true}} without one. */
    private static Object sample(Map<?, ?> schema) {
        Object type = schema.get("type");
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        if ("string".equals(type)) {
            return "fake";
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return schema.get("minimum") instanceof Number minimum ? minimum : 0;
        }
        if ("boolean".equals(type)) {
            return true;
        }
        if ("array".equals(type)) {
            List<Object> items = new ArrayList<>();
            if (schema.get("minItems") instanceof Number min && schema.get("items") instanceof Map<?, ?> item) {
                for (int i = 0; i < min.intValue(); i++) {
                    items.add(sample(item));
                }
            }
            return items;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> object.put(String.valueOf(name),
                    property instanceof Map<?, ?> declared ? sample(declared) : null));
        } else {
            object.put("fake", true);
        }
        return object;
    }

    private static long words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
