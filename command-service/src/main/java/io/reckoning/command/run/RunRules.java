package io.reckoning.command.run;

import io.reckoning.events.StepError;
import io.reckoning.messages.StepResult;
import io.reckoning.state.RunState;
import io.reckoning.state.RunStatus;
import io.reckoning.state.StepStatus;
import io.reckoning.workflow.RetryPolicy;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.StepTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The run's decisions as pure functions of its state: what may run, what a result means, how a run settles. */
final class RunRules {

    /** How a run stands once nothing more can be scheduled. */
    enum Settlement { RUNNING, WAITING, SUCCEEDED }

    /** The resolved input of a step about to be scheduled, or why it cannot be. */
    record Scheduling(Map<String, Object> input, StepError failure) {
    }

    private RunRules() {
    }

    /** Whether a result of this kind is the next thing the step's current attempt can report. */
    static boolean accepts(RunState.Step step, String kind) {
        return switch (kind) {
            case StepResult.STARTED -> step.status() == StepStatus.SCHEDULED;
            case StepResult.SUCCEEDED, StepResult.FAILED, StepResult.AWAITING_ATTESTATION -> step.status().isActive();
            default -> false;
        };
    }

    /** Pending steps (not waiting for a retry) whose needs have all succeeded, in definition order. */
    static List<RunState.Step> runnable(RunState state) {
        return state.steps().stream()
                .filter(step -> step.status() == StepStatus.PENDING && step.retryAt() == null)
                .filter(step -> step.definition().needs().stream()
                        .allMatch(need -> state.step(need).status() == StepStatus.SUCCEEDED))
                .toList();
    }

    /** Steps that never reached an executor: they are skipped when the run halts. */
    static List<RunState.Step> notStarted(RunState state) {
        return state.steps().stream()
                .filter(step -> step.status() == StepStatus.PENDING || step.status() == StepStatus.SCHEDULED)
                .toList();
    }

    static List<String> waitingSteps(RunState state) {
        return state.steps().stream().filter(step -> step.status() == StepStatus.WAITING).map(RunState.Step::id)
                .toList();
    }

    static Settlement settle(RunState state) {
        if (state.steps().stream().allMatch(step -> step.status() == StepStatus.SUCCEEDED)) {
            return Settlement.SUCCEEDED;
        }
        boolean active = state.steps().stream().anyMatch(step -> step.status().isActive() || step.retryAt() != null);
        boolean waiting = state.steps().stream().anyMatch(step -> step.status() == StepStatus.WAITING);
        return !active && waiting && state.status() == RunStatus.RUNNING
                ? Settlement.WAITING : Settlement.RUNNING;
    }

    /** Resolves the step's templates against the run's inputs and the outputs of the steps that succeeded. */
    static Scheduling schedule(RunState state, RunState.Step step) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        state.steps().stream().filter(s -> s.status() == StepStatus.SUCCEEDED)
                .forEach(s -> outputs.put(s.id(), s.output()));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> input = (Map<String, Object>) new Templates(state.inputs(), outputs)
                    .resolve(fields(step.definition()));
            return new Scheduling(input, null);
        } catch (Templates.Unresolved e) {
            return new Scheduling(null, new StepError("template_unresolved", e.getMessage()));
        }
    }

    /** The type-specific fields an executor is given. */
    private static Map<String, Object> fields(StepDefinition step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (StepTypes.TRANSFORM.equals(step.type())) {
            fields.put("output", step.output());
        }
        if (StepTypes.EXTERNAL.equals(step.type())) {
            fields.put("instructions", step.instructions());
        }
        if (StepTypes.LLM.equals(step.type())) {
            putIfPresent(fields, "prompt", step.prompt());
            putIfPresent(fields, "system", step.system());
            putIfPresent(fields, "model", step.model());
            putIfPresent(fields, "temperature", step.temperature());
            putIfPresent(fields, "maxTokens", step.maxTokens());
            if (step.responseFormat() != null) {
                Map<String, Object> format = new LinkedHashMap<>();
                format.put("type", step.responseFormat().type());
                putIfPresent(format, "schema", step.responseFormat().schema());
                fields.put("responseFormat", format);
            }
        }
        if (StepTypes.WAIT.equals(step.type())) {
            if (step.duration() != null) {
                fields.put("duration", step.duration());
            }
            if (step.until() != null) {
                fields.put("until", step.until());
            }
        }
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static String instructions(RunState.Step step) {
        Object resolved = step.input() == null ? null : step.input().get("instructions");
        return resolved instanceof String text ? text : step.definition().instructions();
    }

    static StepError attestedFailure(String stepId, String note) {
        return new StepError("attested_failed", "Step '" + stepId + "' was attested FAILED"
                + (note == null || note.isBlank() ? "." : ": " + note));
    }

    /**
     * When the next attempt of a step whose attempt just failed should start, or empty when its retry policy
     * has no attempt left. Exponential backoff with jitter: the n-th retry waits between half and all of
     * {@code backoff * 2^(n-1)}, capped at {@code maxBackoff}.
     */
    static Optional<Instant> retryAt(RunState.Step step, Instant now) {
        return retryAt(step, now, null);
    }

    /**
     * As {@link #retryAt(RunState.Step, Instant)}, but never sooner than {@code notBefore} from now: the wait a
     * provider asked for (an HTTP {@code Retry-After}) is honoured even beyond {@code maxBackoff}.
     */
    static Optional<Instant> retryAt(RunState.Step step, Instant now, Duration notBefore) {
        return backoffRetryAt(step, now).map(at -> notBefore == null || at.isAfter(now.plus(notBefore))
                ? at : now.plus(notBefore));
    }

    /** The wait a failed result asks for before the next attempt; null when it names none or none readable. */
    static Duration retryAfter(StepResult result) {
        if (result.retryAfter() == null) {
            return null;
        }
        try {
            Duration asked = Duration.parse(result.retryAfter());
            return asked.isNegative() ? null : asked;
        } catch (DateTimeParseException e) {
            return null; // an executor's hint, not a contract violation worth failing the result for
        }
    }

    private static Optional<Instant> backoffRetryAt(RunState.Step step, Instant now) {
        RetryPolicy policy = step.definition().retry();
        int maxAttempts = policy == null || policy.maxAttempts() == null
                ? RetryPolicy.DEFAULT_MAX_ATTEMPTS : policy.maxAttempts();
        if (step.attempt() >= maxAttempts) {
            return Optional.empty();
        }
        Duration backoff = durationOr(policy.backoff(), RetryPolicy.DEFAULT_BACKOFF);
        Duration maxBackoff = durationOr(policy.maxBackoff(), RetryPolicy.DEFAULT_MAX_BACKOFF);
        double exponential = backoff.toMillis() * Math.pow(2, step.attempt() - 1); // no overflow, unlike a shift
        long capped = (long) Math.min(exponential, maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Optional.of(now.plusMillis(jittered));
    }

    /** When a wait step's timer is due, from its resolved input. */
    static Instant waitUntil(Map<String, Object> input, Instant now) {
        Object until = input.get("until");
        if (until != null) {
            return Instant.parse(until.toString());
        }
        return now.plus(Duration.parse(input.get("duration").toString()));
    }

    /** A declared ISO-8601 duration, or null when the definition has none. */
    static Duration duration(String declared) {
        return declared == null ? null : Duration.parse(declared);
    }

    private static Duration durationOr(String declared, String fallback) {
        return Duration.parse(declared == null ? fallback : declared);
    }

    /** The succeeded steps upstream of {@code fromStep} (transitively through its needs), in definition order. */
    static List<RunState.Step> reusableFor(RunState state, String fromStep) {
        Set<String> upstream = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(state.step(fromStep).definition().needs());
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (upstream.add(id)) {
                pending.addAll(state.step(id).definition().needs());
            }
        }
        return state.steps().stream()
                .filter(step -> upstream.contains(step.id()) && step.status() == StepStatus.SUCCEEDED)
                .toList();
    }

    /** Anyone may attest a step without attestors; otherwise the principal or one of its roles must be listed. */
    static boolean mayAttest(StepDefinition step, String principal, Set<String> roles) {
        List<String> attestors = step.attestors();
        return attestors == null || attestors.isEmpty() || attestors.contains(principal)
                || roles.stream().anyMatch(attestors::contains);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
