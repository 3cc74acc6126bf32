package io.reckoning.workflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules for one step on its own: which fields its type takes and requires, its retry policy and its time
 * limits. Rules across steps (ids, needs, cycles, templates) are {@link WorkflowValidator}'s and
 * {@link TemplateChecks}'.
 */
final class StepChecks {

    /** The fields beyond id, type and needs that a step type takes, and how a sentence lists them. */
    private record TypeFields(List<String> names, String listed) {
    }

    /**
     * A wait step is a timer command-service runs itself: it is never dispatched and cannot fail, so it has no
     * retry and no time limits.
     */
    private static final Map<String, TypeFields> FIELDS_OF_TYPE = Map.of(
            StepTypes.TRANSFORM, new TypeFields(List.of("output", "retry", "timeout", "dispatchTimeout"),
                    "'output', 'retry', 'timeout' and 'dispatchTimeout'"),
            StepTypes.EXTERNAL, new TypeFields(List.of("instructions", "retry", "timeout", "dispatchTimeout",
                    "attestors", "webhook"),
                    "'instructions', 'retry', 'timeout', 'dispatchTimeout', 'attestors' and 'webhook'"),
            StepTypes.WAIT, new TypeFields(List.of("duration", "until"), "'duration' or 'until'"),
            StepTypes.LLM, new TypeFields(List.of("prompt", "system", "model", "temperature", "maxTokens",
                    "responseFormat", "retry", "timeout", "dispatchTimeout"),
                    "'prompt', 'system', 'model', 'temperature', 'maxTokens', 'responseFormat', 'retry', 'timeout' "
                            + "and 'dispatchTimeout'"));
    private static final Set<String> KNOWN_TYPES = new TreeSet<>(StepTypes.ALL);
    static final int MAX_ATTEMPTS = 100;
    static final int MAX_ATTESTORS = 100;
    static final int MAX_TOKENS = 1_000_000;
    static final double MAX_TEMPERATURE = 2.0;
    private static final Pattern WEBHOOK = Pattern.compile("https?://\\S{1,2040}");

    private final StepDefinition step;
    private final String at;
    private final List<Violation> violations;

    private StepChecks(StepDefinition step, String at, List<Violation> violations) {
        this.step = step;
        this.at = at;
        this.violations = violations;
    }

    static void check(StepDefinition step, int index, List<Violation> violations) {
        new StepChecks(step, Pointers.step(index), violations).check();
    }

    private void check() {
        if (step.type() == null) {
            violations.add(new Violation(at + "/type", "A step needs a type, one of " + KNOWN_TYPES + "."));
            return;
        }
        if (!StepTypes.ALL.contains(step.type())) {
            violations.add(new Violation(at + "/type",
                    "Step type '" + step.type() + "' is unknown; known types are " + KNOWN_TYPES + "."));
            return;
        }
        TypeFields takes = FIELDS_OF_TYPE.get(step.type());
        checkFieldsBelongTo(takes);
        switch (step.type()) {
            case StepTypes.TRANSFORM -> checkTransform();
            case StepTypes.EXTERNAL -> checkExternal();
            case StepTypes.LLM -> checkLlm();
            default -> checkWait();
        }
        if (takes.names().contains("retry")) {
            checkRetry();
        }
        if (takes.names().contains("timeout") && step.timeout() != null) {
            Durations.positive(step.timeout(), "The timeout of " + name(), at + "/timeout", violations);
        }
        if (takes.names().contains("dispatchTimeout") && step.dispatchTimeout() != null) {
            Durations.positive(step.dispatchTimeout(), "The dispatch timeout of " + name(), at + "/dispatchTimeout",
                    violations);
        }
    }

    private void checkFieldsBelongTo(TypeFields takes) {
        presentFields().forEach((field, value) -> {
            if (!takes.names().contains(field)) {
                violations.add(new Violation(at + "/" + field, "Field '" + field + "' does not apply to "
                        + article(step.type()) + " step like " + name() + "; besides id, type and needs, it takes "
                        + takes.listed() + "."));
            }
        });
    }

    private void checkTransform() {
        if (step.output() == null) {
            violations.add(new Violation(at + "/output", "A transform step needs an 'output'."));
        }
    }

    private void checkExternal() {
        if (step.instructions() == null || step.instructions().isBlank()) {
            violations.add(new Violation(at + "/instructions",
                    "An external step needs 'instructions' that tell the operator what to do."));
        }
        List<String> attestors = step.attestors() == null ? List.of() : step.attestors();
        if (attestors.size() > MAX_ATTESTORS) {
            violations.add(new Violation(at + "/attestors", name() + " lists " + attestors.size()
                    + " attestors; at most " + MAX_ATTESTORS + " are allowed."));
        }
        for (int i = 0; i < attestors.size(); i++) {
            String attestor = attestors.get(i);
            if (attestor == null || attestor.isBlank() || attestor.length() > 200) {
                violations.add(new Violation(at + "/attestors/" + i,
                        "An attestor is a principal or role name of 1 to 200 characters."));
            }
        }
        if (step.webhook() != null && !WEBHOOK.matcher(step.webhook()).matches()) {
            violations.add(new Violation(at + "/webhook", "The webhook of " + name()
                    + " must be an http:// or https:// URL of at most 2048 characters."));
        }
    }

    private void checkLlm() {
        if (step.prompt() == null || step.prompt().isBlank()) {
            violations.add(new Violation(at + "/prompt", "An llm step needs a 'prompt', the message the model answers."));
        }
        if (step.model() != null && (step.model().isBlank() || step.model().length() > 200)) {
            violations.add(new Violation(at + "/model", "The model of " + name()
                    + " must be a model name of 1 to 200 characters, or absent for the configured model."));
        }
        Double temperature = step.temperature();
        if (temperature != null && !(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
            violations.add(new Violation(at + "/temperature", "The temperature of " + name()
                    + " must be between 0 and " + MAX_TEMPERATURE + ", not " + temperature + "."));
        }
        Integer maxTokens = step.maxTokens();
        if (maxTokens != null && (maxTokens < 1 || maxTokens > MAX_TOKENS)) {
            violations.add(new Violation(at + "/maxTokens", "The maxTokens of " + name() + " must be between 1 and "
                    + String.format("%,d", MAX_TOKENS) + ", not " + maxTokens + "."));
        }
        ResponseFormat format = step.responseFormat();
        if (format != null && !ResponseFormat.TYPES.contains(format.type())) {
            violations.add(new Violation(at + "/responseFormat/type", "The responseFormat type of " + name()
                    + " must be 'text' or 'json', not " + (format.type() == null ? "absent" : "'" + format.type() + "'")
                    + "."));
        } else if (format != null && format.schema() != null && !ResponseFormat.JSON.equals(format.type())) {
            violations.add(new Violation(at + "/responseFormat/schema", "Only a 'json' responseFormat of " + name()
                    + " can have a schema; a text answer is not checked."));
        }
    }

    private void checkWait() {
        if (step.duration() == null && step.until() == null) {
            violations.add(new Violation(at + "/duration", "A wait step needs 'duration' (how long to wait, such as "
                    + "PT1H) or 'until' (when to go on, such as 2030-01-01T09:00:00Z)."));
        } else if (step.duration() != null && step.until() != null) {
            violations.add(new Violation(at + "/until", "A wait step takes exactly one of 'duration' and 'until'; "
                    + name() + " has both."));
        } else if (step.duration() != null && !TemplateChecks.hasTemplate(step.duration())) {
            Durations.positive(step.duration(), "The duration of " + name(), at + "/duration", violations);
        } else if (step.until() != null && !TemplateChecks.hasTemplate(step.until())) {
            Durations.instant(step.until(), "The 'until' of " + name(), at + "/until", violations);
        }
    }

    private void checkRetry() {
        RetryPolicy retry = step.retry();
        if (retry == null) {
            return;
        }
        Integer attempts = retry.maxAttempts();
        if (attempts != null && (attempts < 1 || attempts > MAX_ATTEMPTS)) {
            violations.add(new Violation(at + "/retry/maxAttempts", "The retry maxAttempts of " + name()
                    + " counts every attempt, the first included, so it must be between 1 and " + MAX_ATTEMPTS
                    + ", not " + attempts + "."));
        }
        Optional<Duration> backoff = retry.backoff() == null ? Optional.of(Duration.parse(RetryPolicy.DEFAULT_BACKOFF))
                : Durations.positive(retry.backoff(), "The retry backoff of " + name(), at + "/retry/backoff", violations);
        Optional<Duration> maxBackoff = retry.maxBackoff() == null
                ? Optional.of(Duration.parse(RetryPolicy.DEFAULT_MAX_BACKOFF))
                : Durations.positive(retry.maxBackoff(), "The retry maxBackoff of " + name(), at + "/retry/maxBackoff",
                violations);
        if (backoff.isPresent() && maxBackoff.isPresent() && backoff.get().compareTo(maxBackoff.get()) > 0) {
            violations.add(new Violation(at + "/retry/backoff", "The retry backoff of " + name() + " ("
                    + (retry.backoff() == null ? RetryPolicy.DEFAULT_BACKOFF + ", the default" : retry.backoff())
                    + ") must not be longer than its maxBackoff ("
                    + (retry.maxBackoff() == null ? RetryPolicy.DEFAULT_MAX_BACKOFF + ", the default" : retry.maxBackoff())
                    + ")."));
        }
    }

    /** The optional fields the step has, by their names in the definition, in the order of the record. */
    private Map<String, Object> presentFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("output", step.output());
        fields.put("attestors", step.attestors());
        fields.put("webhook", step.webhook());
        fields.put("instructions", step.instructions());
        fields.put("retry", step.retry());
        fields.put("timeout", step.timeout());
        fields.put("dispatchTimeout", step.dispatchTimeout());
        fields.put("duration", step.duration());
        fields.put("until", step.until());
        fields.put("prompt", step.prompt());
        fields.put("system", step.system());
        fields.put("model", step.model());
        fields.put("temperature", step.temperature());
        fields.put("maxTokens", step.maxTokens());
        fields.put("responseFormat", step.responseFormat());
        fields.values().removeIf(value -> value == null);
        return fields;
    }

    private String name() {
        return step.id() == null ? "this step" : "step '" + step.id() + "'";
    }

    private static String article(String type) {
        return Set.of('a', 'e', 'i', 'o', 'u').contains(type.charAt(0)) ? "an " + type : "a " + type;
    }
}
