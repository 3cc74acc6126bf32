package io.reckoning.workflow;

import java.util.List;

/**
 * One step of a workflow. Which fields apply depends on {@code type}: {@code transform} has {@code output}
 * (any JSON, templated), {@code external} has {@code instructions} for the operator, {@code wait} has
 * {@code duration} or {@code until}. Durations are ISO-8601 ({@code PT30S}), instants ISO-8601 UTC.
 *
 * @param retry           how failed attempts are retried; null means one attempt
 * @param timeout         how long an attempt may run, from start to outcome; null means no limit
 * @param dispatchTimeout how long an attempt may wait for an executor to pick it up; null means no limit (the
 *                        task is still re-sent while it waits)
 * @param attestors       for an external step: the principals or roles that may attest it; null or empty means
 *                        anyone allowed to attest
 * @param webhook         for an external step: an http(s) URL called when it starts waiting; null means the
 *                        global webhook, if one is configured
 */
public record StepDefinition(String id, String type, List<String> needs, Object output, String instructions,
                             RetryPolicy retry, String timeout, String dispatchTimeout, String duration,
                             String until, List<String> attestors, String webhook) {

    public StepDefinition {
        needs = needs == null ? List.of() : needs;
    }

    public StepDefinition(String id, String type, List<String> needs, Object output, String instructions,
                          RetryPolicy retry, String timeout, String dispatchTimeout, String duration, String until) {
        this(id, type, needs, output, instructions, retry, timeout, dispatchTimeout, duration, until, null, null);
    }

    /** A step with only the fields every type has and its type's main field; for tests and simple callers. */
    public static StepDefinition of(String id, String type, List<String> needs, Object output, String instructions) {
        return new StepDefinition(id, type, needs, output, instructions, null, null, null, null, null, null, null);
    }
}
