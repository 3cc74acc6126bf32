package io.reckoning.command.run;

import io.reckoning.events.AttestationOutcome;
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
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepSucceeded;
import io.reckoning.messages.StepResult;
import io.reckoning.state.RunState;
import io.reckoning.state.RunStatus;
import io.reckoning.state.StepStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.commandhandling.CommandHandler;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run: the DAG state machine. Command handlers check and apply events; {@link RunState} folds them;
 * {@link RunRules} decides what comes next.
 */
@Aggregate
class Run {

    @AggregateIdentifier
    private String runId;
    private int version;
    private RunState state;

    private Run() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    RunStatus handle(StartRun command) {
        apply(new RunStarted(command.runId(), command.workflow(), command.version(), command.digest(),
                command.definition(), command.inputs(), command.idempotencyKey()));
        advance();
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
    void handle(RecordStepResult command) {
        StepResult result = command.result();
        RunState.Step step = state.step(result.stepId());
        if (step == null || step.attempt() != result.attempt() || !RunRules.accepts(step, result.kind())) {
            return; // stale, duplicate or out of order: the attempt already has its outcome
        }
        String stepId = step.id();
        int attempt = step.attempt();
        if (step.status() == StepStatus.SCHEDULED) {
            apply(new StepStarted(runId, stepId, attempt));
        }
        switch (result.kind()) {
            case StepResult.SUCCEEDED -> {
                apply(new StepSucceeded(runId, stepId, attempt, result.output(), RunRules.orEmpty(result.artifacts())));
                advance();
            }
            case StepResult.FAILED -> {
                StepError error = result.error() != null ? result.error()
                        : new StepError("executor_failed", "The executor reported a failure without a reason.");
                apply(new StepFailed(runId, stepId, attempt, error, result.retryable()));
                failRun(stepId, error);
            }
            case StepResult.AWAITING_ATTESTATION -> {
                apply(new StepAwaitingAttestation(runId, stepId, attempt, RunRules.instructions(step)));
                advance();
            }
            default -> {
                // STARTED: the StepStarted above is all it means
            }
        }
    }

    @CommandHandler
    RunStatus handle(AttestStep command) {
        RunState.Step step = state.step(command.stepId());
        if (step == null) {
            throw RunRejection.unknownStep(runId, command.stepId());
        }
        if (step.status() != StepStatus.WAITING) {
            throw RunRejection.stepNotWaiting(step.id(), step.status());
        }
        apply(new StepAttested(runId, step.id(), step.attempt(), command.outcome(), command.output(),
                RunRules.orEmpty(command.artifacts()), command.principal(), command.note()));
        if (state.status() == RunStatus.WAITING) {
            apply(new RunResumed(runId, step.id()));
        }
        if (command.outcome() == AttestationOutcome.SUCCEEDED) {
            advance();
        } else {
            failRun(step.id(), RunRules.attestedFailure(step.id(), command.note()));
        }
        return state.status();
    }

    /** Schedule what became runnable, then settle the run: succeeded, waiting, or still running. */
    private void advance() {
        if (state.status().isFinal()) {
            return; // results of steps still running are recorded, but schedule nothing
        }
        for (RunState.Step step : RunRules.runnable(state)) {
            RunRules.Scheduling scheduling = RunRules.schedule(state, step);
            if (scheduling.failure() != null) {
                apply(new StepFailed(runId, step.id(), 1, scheduling.failure(), false));
                failRun(step.id(), scheduling.failure());
                return;
            }
            apply(new StepScheduled(runId, step.id(), 1, step.definition().type(), scheduling.input()));
        }
        switch (RunRules.settle(state)) {
            case SUCCEEDED -> apply(new RunSucceeded(runId));
            case WAITING -> apply(new RunWaiting(runId, RunRules.waitingSteps(state)));
            case RUNNING -> {
                // some step is still with an executor
            }
        }
    }

    /** A failed step halts the run: nothing downstream executes. */
    private void failRun(String stepId, StepError error) {
        if (state.status().isFinal()) {
            return;
        }
        List<RunState.Step> notStarted = RunRules.notStarted(state);
        for (RunState.Step step : notStarted) {
            apply(new StepSkipped(runId, step.id(), step.attempt(),
                    "Run halted because step '" + stepId + "' failed."));
        }
        apply(new RunFailed(runId, stepId, error));
    }

    @EventSourcingHandler
    void on(RunEvent event) {
        if (event instanceof RunStarted started) {
            runId = started.runId();
            version = started.version();
            state = RunState.started(started);
        } else {
            state.apply(event);
        }
    }
}
