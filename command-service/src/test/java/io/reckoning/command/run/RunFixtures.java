package io.reckoning.command.run;

import io.reckoning.events.RunStarted;
import io.reckoning.events.StepError;
import io.reckoning.events.StepRetryScheduled;
import io.reckoning.events.StepSucceeded;
import io.reckoning.messages.StepResult;
import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** What the Run fixture tests share: the run they talk about, commands and results, and matchers. */
final class RunFixtures {

    static final String RUN = "run-1";
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    private RunFixtures() {
    }

    /**
     * A fixture for the Run aggregate. It compares the aggregate after the command with one sourced from the same
     * events, field by field; RunState keeps its steps in a map of RunState.Step, which has identity equality, so
     * that comparison would report every step as changed. What each command appends is checked exactly instead.
     */
    static AggregateTestFixture<Run> runFixture() {
        AggregateTestFixture<Run> fixture = new AggregateTestFixture<>(Run.class);
        fixture.setReportIllegalStateChange(false);
        return fixture;
    }

    /**
     * A clock that reads the fixture's simulated time. The fixture sets {@link GenericEventMessage#clock} while it
     * handles a command, but not while it delivers a deadline, so a deadline handler that reads the clock (a
     * timeout that schedules a retry) would see the wall clock instead; tests install this one around each test.
     */
    static Clock simulated(AggregateTestFixture<Run> fixture) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        };
    }

    static RunStarted started(WorkflowDefinition definition, Map<String, Object> inputs) {
        return new RunStarted(RUN, definition.name(), 1, DIGEST, definition, inputs, null, null);
    }

    static StartRun startRun(WorkflowDefinition definition, Map<String, Object> inputs) {
        return new StartRun(RUN, definition.name(), 1, DIGEST, definition, inputs, null, null, List.of());
    }

    static RecordStepResult record(StepResult result) {
        return new RecordStepResult(RUN, result);
    }

    static StepResult started(String stepId, int attempt) {
        return new StepResult(RUN, stepId, attempt, StepResult.STARTED, null, null, false, List.of(), null);
    }

    static StepResult succeeded(String stepId, int attempt, Object output) {
        return new StepResult(RUN, stepId, attempt, StepResult.SUCCEEDED, output, null, false, List.of(), null);
    }

    /** A failure that another attempt could not fix. */
    static StepResult failed(String stepId, int attempt, StepError error) {
        return new StepResult(RUN, stepId, attempt, StepResult.FAILED, null, error, false, List.of(), null);
    }

    /** A failure that another attempt might not repeat. */
    static StepResult failedRetryably(String stepId, int attempt, StepError error) {
        return new StepResult(RUN, stepId, attempt, StepResult.FAILED, null, error, true, List.of(), null);
    }

    static StepResult awaitingAttestation(String stepId, int attempt) {
        return new StepResult(RUN, stepId, attempt, StepResult.AWAITING_ATTESTATION, null, null, false, List.of(),
                null);
    }

    static StepSucceeded stepSucceeded(String stepId, int attempt, Object output) {
        return new StepSucceeded(RUN, stepId, attempt, output, List.of());
    }

    static Object[] concat(Object[] history, Object... more) {
        Object[] all = new Object[history.length + more.length];
        System.arraycopy(history, 0, all, 0, history.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    static Object[] withoutLast(Object[] history) {
        Object[] shorter = new Object[history.length - 1];
        System.arraycopy(history, 0, shorter, 0, shorter.length);
        return shorter;
    }

    /** An event equal to this one, field by field; typed for mixing with other matchers in a sequence. */
    static Matcher<Object> eventEqualTo(Object event) {
        return Matchers.equalTo(event);
    }

    /** The events of the when phase, in order and no more. */
    @SafeVarargs
    static Matcher<List<Message<?>>> exactly(Matcher<Object>... events) {
        Matcher<Object>[] all = Arrays.copyOf(events, events.length + 1);
        all[events.length] = Matchers.andNoMore();
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(all));
    }

    /** An {@link ApiException} with this HTTP status and problem type slug. */
    static Matcher<ApiException> rejection(int status, String slug) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ApiException exception) {
                return exception.status() == status && slug.equals(exception.slug());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an ApiException with status " + status + " and slug '" + slug + "'");
            }

            @Override
            protected void describeMismatchSafely(ApiException exception, Description mismatch) {
                mismatch.appendText("was status " + exception.status() + " and slug '" + exception.slug() + "'");
            }
        };
    }

    /**
     * A {@link StepRetryScheduled} of this run with these fields and a {@code retryAt} within [earliest, latest]
     * (the jitter is random). The {@code retryAt} it matched is kept in {@code matched}, if given.
     */
    static Matcher<Object> retryScheduled(String stepId, int attempt, StepError reason, Instant earliest,
                                          Instant latest, AtomicReference<Instant> matched) {
        return new TypeSafeMatcher<>(StepRetryScheduled.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                StepRetryScheduled retry = (StepRetryScheduled) item;
                boolean matches = retry.runId().equals(RUN) && retry.stepId().equals(stepId)
                        && retry.attempt() == attempt && retry.nextAttempt() == attempt + 1
                        && retry.reason().equals(reason)
                        && !retry.retryAt().isBefore(earliest) && !retry.retryAt().isAfter(latest);
                if (matches && matched != null) {
                    matched.set(retry.retryAt());
                }
                return matches;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("StepRetryScheduled(" + RUN + ", " + stepId + ", " + attempt + " -> "
                        + (attempt + 1) + ", retryAt in [" + earliest + ", " + latest + "], " + reason + ")");
            }
        };
    }
}
