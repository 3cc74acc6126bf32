package io.reckoning.workflow;

import java.util.List;

/**
 * One step of a workflow. Which fields apply depends on {@code type}: {@code transform} has {@code output}
 * (any JSON, templated), {@code external} has {@code instructions} for the operator, {@code wait} has
 * {@code duration} or {@code until}, {@code llm} has {@code prompt} and optionally {@code system}, {@code model},
 * {@code temperature}, {@code maxTokens} and {@code responseFormat}. Durations are ISO-8601 ({@code PT30S}),
 * instants ISO-8601 UTC.
 *
 * @param retry           how failed attempts are retried; null means one attempt
 * @param timeout         how long an attempt may run, from start to outcome; null means no limit
 * @param dispatchTimeout how long an attempt may wait for an executor to pick it up; null means no limit (the
 *                        task is still re-sent while it waits)
 * @param attestors       for an external step: the principals or roles that may attest it; null or empty means
 *                        anyone allowed to attest
 * @param webhook         for an external step: an http(s) URL called when it starts waiting; null means the
 *                        global webhook, if one is configured
 * @param prompt          for an llm step: the user message, templated
 * @param system          for an llm step: the system message, templated; null means none
 * @param model           for an llm step: the model to ask; null means the executor's configured model
 * @param temperature     for an llm step: sampling temperature, 0 to 2; null means the provider's default
 * @param maxTokens       for an llm step: the most tokens the answer may have; null means the executor's default
 * @param responseFormat  for an llm step: text (the default) or JSON, optionally checked against a JSON Schema
 */
public record StepDefinition(String id, String type, List<String> needs, Object output, String instructions,
                             RetryPolicy retry, String timeout, String dispatchTimeout, String duration,
                             String until, List<String> attestors, String webhook, String prompt, String system,
                             String model, Double temperature, Integer maxTokens, ResponseFormat responseFormat) {

    public StepDefinition {
        needs = needs == null ? List.of() : needs;
    }

    public StepDefinition(String id, String type, List<String> needs, Object output, String instructions,
                          RetryPolicy retry, String timeout, String dispatchTimeout, String duration, String until) {
        this(id, type, needs, output, instructions, retry, timeout, dispatchTimeout, duration, until, null, null);
    }

    public StepDefinition(String id, String type, List<String> needs, Object output, String instructions,
                          RetryPolicy retry, String timeout, String dispatchTimeout, String duration, String until,
                          List<String> attestors, String webhook) {
        this(id, type, needs, output, instructions, retry, timeout, dispatchTimeout, duration, until, attestors,
                webhook, null, null, null, null, null, null);
    }

    /** An llm step with only a prompt; for tests and simple callers. */
    public static StepDefinition llm(String id, List<String> needs, String prompt) {
        return new StepDefinition(id, StepTypes.LLM, needs, null, null, null, null, null, null, null, null, null,
                prompt, null, null, null, null, null);
    }

    /** A step with only the fields every type has and its type's main field; for tests and simple callers. */
    public static StepDefinition of(String id, String type, List<String> needs, Object output, String instructions) {
        return new StepDefinition(id, type, needs, output, instructions, null, null, null, null, null, null, null);
    }
}
