package io.reckoning.state;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunEvent;
import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepEvent;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.events.StepRetryScheduled;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepSucceeded;
import io.reckoning.events.StepTimedOut;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one run as its events make it: the single definition of what each event means, shared by the
 * aggregate (to decide) and by anything that re-derives a run from its history (to audit). It holds no
 * decisions; it only folds events.
 */
public final class RunState {

    /** One step's state; changed only by {@link RunState#apply(RunEvent)}. */
    public static final class Step {
        private final StepDefinition definition;
        private StepStatus status = StepStatus.PENDING;
        private int attempt;
        private Map<String, Object> input;
        private Object output;
        private List<Artifact> artifacts = List.of();
        private Instant retryAt;

        Step(StepDefinition definition) {
            this.definition = definition;
        }

        public StepDefinition definition() {
            return definition;
        }

        public String id() {
            return definition.id();
        }

        public StepStatus status() {
            return status;
        }

        public int attempt() {
            return attempt;
        }

        /** The resolved input of the current attempt, or null before it is scheduled. */
        public Map<String, Object> input() {
            return input;
        }

        public Object output() {
            return output;
        }

        /** The artifacts of the step's outcome. */
        public List<Artifact> artifacts() {
            return artifacts;
        }

        /** When the next attempt is due, while a retry is pending; null otherwise. */
        public Instant retryAt() {
            return retryAt;
        }
    }

    private final String runId;
    private final WorkflowDefinition definition;
    private final Map<String, Object> inputs;
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private RunStatus status = RunStatus.RUNNING;

    private RunState(RunStarted started) {
        this.runId = started.runId();
        this.definition = started.definition();
        this.inputs = started.inputs() == null ? Map.of() : started.inputs();
        started.definition().steps().forEach(step -> steps.put(step.id(), new Step(step)));
    }

    public static RunState started(RunStarted event) {
        return new RunState(event);
    }

    public void apply(RunEvent event) {
        if (event instanceof StepEvent stepEvent) {
            applyStep(stepEvent, steps.get(stepEvent.stepId()));
        } else if (event instanceof RunWaiting) {
            status = RunStatus.WAITING;
        } else if (event instanceof RunResumed) {
            status = RunStatus.RUNNING;
        } else if (event instanceof RunSucceeded) {
            status = RunStatus.SUCCEEDED;
        } else if (event instanceof RunFailed) {
            status = RunStatus.FAILED;
        } else if (event instanceof RunCancelled) {
            status = RunStatus.CANCELLED;
            steps.values().stream().filter(step -> !step.status.isFinal())
                    .forEach(step -> step.status = StepStatus.CANCELLED);
        } else if (!(event instanceof RunStarted)) {
            throw new IllegalArgumentException("No meaning defined for " + event.getClass().getSimpleName());
        }
    }

    private static void applyStep(StepEvent event, Step step) {
        if (step == null) {
            throw new IllegalStateException("Event for unknown step " + event.stepId() + " in run " + event.runId());
        }
        if (event instanceof StepScheduled scheduled) {
            step.status = StepStatus.SCHEDULED;
            step.attempt = scheduled.attempt();
            step.input = scheduled.input();
            step.retryAt = null;
        } else if (event instanceof StepStarted) {
            step.status = StepStatus.RUNNING;
        } else if (event instanceof StepSucceeded succeeded) {
            step.status = StepStatus.SUCCEEDED;
            step.attempt = succeeded.attempt() == 0 ? step.attempt : succeeded.attempt();
            step.output = succeeded.output();
            step.artifacts = succeeded.artifacts();
        } else if (event instanceof StepFailed) {
            step.status = StepStatus.FAILED;
            step.attempt = event.attempt();
        } else if (event instanceof StepAwaitingAttestation) {
            step.status = StepStatus.WAITING;
        } else if (event instanceof StepAttested attested) {
            step.status = attested.outcome() == AttestationOutcome.SUCCEEDED ? StepStatus.SUCCEEDED : StepStatus.FAILED;
            step.output = attested.output();
            step.artifacts = attested.artifacts();
        } else if (event instanceof StepSkipped) {
            step.status = StepStatus.SKIPPED;
        } else if (event instanceof StepTimedOut) {
            step.status = StepStatus.FAILED;
        } else if (event instanceof StepOutputCorrected corrected) {
            step.output = corrected.output();
        } else if (event instanceof StepRetryScheduled retry) {
            step.status = StepStatus.PENDING;
            step.retryAt = retry.retryAt();
        }
    }

    public String runId() {
        return runId;
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    public Map<String, Object> inputs() {
        return inputs;
    }

    public RunStatus status() {
        return status;
    }

    /** The run's steps in definition order. */
    public Collection<Step> steps() {
        return Collections.unmodifiableCollection(steps.values());
    }

    /** The step with this id, or null. */
    public Step step(String stepId) {
        return steps.get(stepId);
    }
}
