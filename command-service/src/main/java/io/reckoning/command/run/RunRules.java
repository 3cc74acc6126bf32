package io.reckoning.command.run;

import io.reckoning.events.StepError;
import io.reckoning.messages.StepResult;
import io.reckoning.state.RunState;
import io.reckoning.state.RunStatus;
import io.reckoning.state.StepStatus;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.StepTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Pending steps whose needs have all succeeded, in definition order. */
    static List<RunState.Step> runnable(RunState state) {
        return state.steps().stream()
                .filter(step -> step.status() == StepStatus.PENDING)
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
        boolean active = state.steps().stream().anyMatch(step -> step.status().isActive());
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
        return fields;
    }

    static String instructions(RunState.Step step) {
        Object resolved = step.input() == null ? null : step.input().get("instructions");
        return resolved instanceof String text ? text : step.definition().instructions();
    }

    static StepError attestedFailure(String stepId, String note) {
        return new StepError("attested_failed", "Step '" + stepId + "' was attested FAILED"
                + (note == null || note.isBlank() ? "." : ": " + note));
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
