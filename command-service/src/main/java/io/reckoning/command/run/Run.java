package io.reckoning.command.run;

import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunEvent;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepError;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.events.StepRetryScheduled;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepSucceeded;
import io.reckoning.events.StepTimedOut;
import io.reckoning.messages.StepResult;
import io.reckoning.state.RunState;
import io.reckoning.state.RunStatus;
import io.reckoning.state.StepStatus;
import io.reckoning.workflow.StepTypes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run: the DAG state machine. Command and deadline handlers check and apply events; {@link RunState} folds
 * them; {@link RunRules} decides what comes next. Timers (retries, timeouts, wait steps) are Axon deadlines in
 * PostgreSQL; each carries the attempt it was set for and does nothing once that attempt has moved on.
 */
@Aggregate(cache = RunConfiguration.CACHE)
class Run {

    @AggregateIdentifier
    private String runId;
    private int version;
    private String digest;
    private RunState state;

    private Run() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    RunStatus handle(StartRun command, DeadlineManager deadlines) {
        apply(new RunStarted(command.runId(), command.workflow(), command.version(), command.digest(),
                command.definition(), command.inputs(), command.idempotencyKey(), command.rerunOf()));
        for (StepSucceeded reused : command.reused()) {
            apply(new StepSucceeded(runId, reused.stepId(), 0, reused.output(), reused.artifacts()));
        }
        Duration timeout = RunRules.duration(command.definition().timeout());
        if (timeout != null) {
            deadlines.schedule(timeout, RunDeadline.TIMEOUT, new RunDeadline(runId));
        }
        advance(deadlines);
        return state.status();
    }

    @CommandHandler
    RunStatus handle(ConfirmStart command) {
        boolean same = state.definition().name().equals(command.workflow())
                && Objects.equals(state.inputs(), command.inputs())
                && version == command.version();
        if (!same) {
            throw RunRejection.idempotencyKeyReused(runId);
        }
        return state.status();
    }

    @CommandHandler
    void handle(RecordStepResult command, DeadlineManager deadlines) {
        StepResult result = command.result();
        RunState.Step step = state.step(result.stepId());
        if (step == null || step.attempt() != result.attempt() || !RunRules.accepts(step, result.kind())) {
            return; // stale, duplicate, cancelled or out of order: the attempt already has its outcome
        }
        String stepId = step.id();
        int attempt = step.attempt();
        if (step.status() == StepStatus.SCHEDULED) {
            start(step, deadlines);
        }
        switch (result.kind()) {
            case StepResult.SUCCEEDED -> {
                apply(new StepSucceeded(runId, stepId, attempt, result.output(), RunRules.orEmpty(result.artifacts())));
                advance(deadlines);
            }
            case StepResult.FAILED -> {
                StepError error = result.error() != null ? result.error()
                        : new StepError("executor_failed", "The executor reported a failure without a reason.");
                apply(new StepFailed(runId, stepId, attempt, error, result.retryable()));
                retryOrFail(step, error, result.retryable(), RunRules.retryAfter(result), deadlines);
            }
            case StepResult.AWAITING_ATTESTATION -> {
                apply(new StepAwaitingAttestation(runId, stepId, attempt, RunRules.instructions(step)));
                advance(deadlines);
            }
            default -> {
                // STARTED: the StepStarted above is all it means
            }
        }
    }

    @CommandHandler
    RunStatus handle(AttestStep command, DeadlineManager deadlines) {
        RunState.Step step = state.step(command.stepId());
        if (step == null) {
            throw RunRejection.unknownStep(runId, command.stepId());
        }
        if (step.status() != StepStatus.WAITING) {
            throw RunRejection.stepNotWaiting(step.id(), step.status());
        }
        if (!RunRules.mayAttest(step.definition(), command.principal(), command.roles())) {
            throw RunRejection.notAnAttestor(step.id(), command.principal(), step.definition().attestors());
        }
        apply(new StepAttested(runId, step.id(), step.attempt(), command.outcome(), command.output(),
                RunRules.orEmpty(command.artifacts()), command.principal(), command.note()));
        if (state.status() == RunStatus.WAITING) {
            apply(new RunResumed(runId, step.id()));
        }
        if (command.outcome() == AttestationOutcome.SUCCEEDED) {
            advance(deadlines);
        } else {
            failRun(step.id(), RunRules.attestedFailure(step.id(), command.note()));
        }
        return state.status();
    }

    @CommandHandler
    void handle(CorrectStepOutput command) {
        RunState.Step step = state.step(command.stepId());
        if (step == null) {
            throw RunRejection.unknownStep(runId, command.stepId());
        }
        if (step.status() != StepStatus.SUCCEEDED) {
            throw RunRejection.stepNotCorrectable(step.id(), step.status());
        }
        apply(new StepOutputCorrected(runId, step.id(), step.attempt(), command.output(), command.reason(),
                command.principal()));
    }

    @CommandHandler
    RunStatus handle(CancelRun command) {
        if (state.status().isFinal()) {
            throw RunRejection.runFinal(runId, state.status());
        }
        apply(new RunCancelled(runId, command.reason(), command.principal()));
        return state.status();
    }

    @CommandHandler
    RerunPlan handle(PlanRerun command) {
        if (state.step(command.fromStep()) == null) {
            throw RunRejection.unknownStep(runId, command.fromStep());
        }
        List<StepSucceeded> reused = RunRules.reusableFor(state, command.fromStep()).stream()
                .map(step -> new StepSucceeded(runId, step.id(), step.attempt(), step.output(), step.artifacts()))
                .toList();
        return new RerunPlan(state.definition().name(), version, digest, state.definition(), state.inputs(), reused);
    }

    @DeadlineHandler(deadlineName = StepDeadline.RETRY)
    void retryDue(StepDeadline due, DeadlineManager deadlines) {
        RunState.Step step = state.step(due.stepId());
        if (!state.status().isFinal() && step.status() == StepStatus.PENDING && step.attempt() == due.attempt()) {
            schedule(step, due.attempt() + 1, deadlines);
            advance(deadlines);
        }
    }

    @DeadlineHandler(deadlineName = StepDeadline.DISPATCH_TIMEOUT)
    void dispatchTimedOut(StepDeadline due, DeadlineManager deadlines) {
        timeOut(due, StepStatus.SCHEDULED, StepTimedOut.DISPATCH, state.step(due.stepId()).definition().dispatchTimeout(),
                deadlines);
    }

    @DeadlineHandler(deadlineName = StepDeadline.EXECUTION_TIMEOUT)
    void executionTimedOut(StepDeadline due, DeadlineManager deadlines) {
        RunState.Step step = state.step(due.stepId());
        StepStatus expected = step.status() == StepStatus.WAITING ? StepStatus.WAITING : StepStatus.RUNNING;
        timeOut(due, expected, StepTimedOut.EXECUTION, step.definition().timeout(), deadlines);
    }

    @DeadlineHandler(deadlineName = StepDeadline.WAIT)
    void waitOver(StepDeadline due, DeadlineManager deadlines) {
        RunState.Step step = state.step(due.stepId());
        // like any step still running when its run failed, a timer that is up is recorded (advance adds nothing)
        if (step.status() == StepStatus.RUNNING && step.attempt() == due.attempt()) {
            apply(new StepSucceeded(runId, step.id(), step.attempt(), Map.of("waitedUntil",
                    String.valueOf(step.input().get("dueAt"))), List.of()));
            advance(deadlines);
        }
    }

    @DeadlineHandler(deadlineName = RunDeadline.TIMEOUT)
    void runTimedOut(RunDeadline due) {
        if (!state.status().isFinal()) {
            failRun(null, new StepError("run_timed_out", "The run did not finish within its timeout of "
                    + state.definition().timeout() + "."));
        }
    }

    private void timeOut(StepDeadline due, StepStatus expected, String phase, String timeout, DeadlineManager deadlines) {
        RunState.Step step = state.step(due.stepId());
        if (state.status().isFinal() || step.status() != expected || step.attempt() != due.attempt()) {
            return;
        }
        apply(new StepTimedOut(runId, step.id(), step.attempt(), phase, timeout));
        retryOrFail(step, new StepError("timed_out", "Attempt " + step.attempt() + " of step '" + step.id()
                + "' timed out (" + phase + " limit " + timeout + ")."), true, deadlines);
    }

    /** Schedule what became runnable, then settle the run: succeeded, waiting, or still running. */
    private void advance(DeadlineManager deadlines) {
        if (state.status().isFinal()) {
            return; // results of steps still running are recorded, but schedule nothing
        }
        for (RunState.Step step : RunRules.runnable(state)) {
            if (!schedule(step, 1, deadlines)) {
                return;
            }
        }
        switch (RunRules.settle(state)) {
            case SUCCEEDED -> apply(new RunSucceeded(runId));
            case WAITING -> apply(new RunWaiting(runId, RunRules.waitingSteps(state)));
            case RUNNING -> {
                // some step is still with an executor or waiting for a timer
            }
        }
    }

    /** Schedules one attempt; false when its templates could not be resolved and the run failed instead. */
    private boolean schedule(RunState.Step step, int attempt, DeadlineManager deadlines) {
        RunRules.Scheduling scheduling = RunRules.schedule(state, step);
        if (scheduling.failure() != null) {
            apply(new StepFailed(runId, step.id(), attempt, scheduling.failure(), false));
            failRun(step.id(), scheduling.failure());
            return false;
        }
        String type = step.definition().type();
        if (StepTypes.WAIT.equals(type)) {
            Instant dueAt = RunRules.waitUntil(scheduling.input(), now());
            Map<String, Object> input = new LinkedHashMap<>(scheduling.input());
            input.put("dueAt", dueAt.toString());
            apply(new StepScheduled(runId, step.id(), attempt, type, input));
            start(step, deadlines);
            deadlines.schedule(dueAt, StepDeadline.WAIT, new StepDeadline(step.id(), attempt));
            return true;
        }
        apply(new StepScheduled(runId, step.id(), attempt, type, scheduling.input()));
        Duration dispatchTimeout = RunRules.duration(step.definition().dispatchTimeout());
        if (dispatchTimeout != null) {
            deadlines.schedule(dispatchTimeout, StepDeadline.DISPATCH_TIMEOUT, new StepDeadline(step.id(), attempt));
        }
        return true;
    }

    private void start(RunState.Step step, DeadlineManager deadlines) {
        apply(new StepStarted(runId, step.id(), step.attempt()));
        Duration timeout = RunRules.duration(step.definition().timeout());
        if (timeout != null) {
            deadlines.schedule(timeout, StepDeadline.EXECUTION_TIMEOUT, new StepDeadline(step.id(), step.attempt()));
        }
    }

    /** A failed attempt is retried while its policy allows (and the failure is retryable); otherwise the run halts. */
    private void retryOrFail(RunState.Step step, StepError error, boolean retryable, DeadlineManager deadlines) {
        retryOrFail(step, error, retryable, null, deadlines);
    }

    /** As above, the next attempt no sooner than {@code notBefore} (the wait the executor's service asked for). */
    private void retryOrFail(RunState.Step step, StepError error, boolean retryable, Duration notBefore,
                             DeadlineManager deadlines) {
        if (retryable && !state.status().isFinal()) {
            var retryAt = RunRules.retryAt(step, now(), notBefore);
            if (retryAt.isPresent()) {
                apply(new StepRetryScheduled(runId, step.id(), step.attempt(), step.attempt() + 1, retryAt.get(), error));
                if (state.status() == RunStatus.WAITING) {
                    apply(new RunResumed(runId, step.id())); // its waiting step timed out and will run again
                }
                deadlines.schedule(retryAt.get(), StepDeadline.RETRY, new StepDeadline(step.id(), step.attempt()));
                return;
            }
        }
        failRun(step.id(), error);
    }

    /** A step failed for good (or the run timed out): nothing downstream executes. */
    private void failRun(String stepId, StepError error) {
        if (state.status().isFinal()) {
            return;
        }
        String reason = stepId == null ? "Run halted: " + error.message()
                : "Run halted because step '" + stepId + "' failed.";
        for (RunState.Step step : RunRules.notStarted(state)) {
            apply(new StepSkipped(runId, step.id(), step.attempt(), reason));
        }
        apply(new RunFailed(runId, stepId, error));
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(RunEvent event) {
        if (event instanceof RunStarted started) {
            runId = started.runId();
            version = started.version();
            digest = started.digest();
            state = RunState.started(started);
        } else {
            state.apply(event);
        }
    }
}
