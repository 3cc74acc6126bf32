package io.reckoning.executor.execution.llm;

import io.reckoning.workflow.ResponseFormat;

import java.util.Map;

/**
 * One question to a model, read from an llm task's resolved input.
 *
 * @param system the system message, or null
 * @param temperature null for the provider's default
 * @param schema for a JSON answer: the JSON Schema it must satisfy, or null for any JSON
 */
record LlmRequest(String model, String system, String prompt, Double temperature, int maxTokens, boolean json,
                  Map<String, Object> schema) {

    /** The task's input as command-service resolved it; the step's model, else the configured one. */
    static LlmRequest of(Map<String, Object> input, LlmProperties properties) {
        if (!(input.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            throw new IllegalArgumentException("An llm task needs a 'prompt' string.");
        }
        String model = input.get("model") instanceof String named ? named : properties.model();
        Double temperature = input.get("temperature") instanceof Number number ? number.doubleValue() : null;
        int maxTokens = input.get("maxTokens") instanceof Number number ? number.intValue() : properties.maxTokens();
        boolean json = false;
        Map<String, Object> schema = null;
        if (input.get("responseFormat") instanceof Map<?, ?> format) {
            json = ResponseFormat.JSON.equals(format.get("type"));
            if (json && format.get("schema") instanceof Map<?, ?> declared) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) declared;
                schema = typed;
            }
        }
        String system = input.get("system") instanceof String text ? text : null;
        return new LlmRequest(model == null ? "fake" : model, system, prompt, temperature, maxTokens, json, schema);
    }
}
