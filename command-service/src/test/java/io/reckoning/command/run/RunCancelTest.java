package io.reckoning.command.run;

import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunEvent;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepError;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.state.RunState;
import io.reckoning.state.RunStatus;
import io.reckoning.state.StepStatus;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.reckoning.command.Definitions.workflow;
import static io.reckoning.command.run.RunFixtures.RUN;
import static io.reckoning.command.run.RunFixtures.concat;
import static io.reckoning.command.run.RunFixtures.failedRetryably;
import static io.reckoning.command.run.RunFixtures.record;
import static io.reckoning.command.run.RunFixtures.rejection;
import static io.reckoning.command.run.RunFixtures.runFixture;
import static io.reckoning.command.run.RunFixtures.started;
import static io.reckoning.command.run.RunFixtures.startRun;
import static io.reckoning.command.run.RunFixtures.stepSucceeded;
import static io.reckoning.command.run.RunFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling a run: a → b (external) → c. Once cancelled, nothing that arrives later changes it. */
class RunCancelTest {

    private static final WorkflowDefinition DEFINITION = workflow("paper-review")
            .transform("a", Map.of("n", 1))
            .external("b", "Check the figures.", "a")
            .transform("c", Map.of("n", 3), "b")
            .build();
    private static final Map<String, Object> A_INPUT = Map.of("output", Map.of("n", 1));
    private static final String REASON = "Started with the wrong paper.";
    private static final RunCancelled CANCELLED = new RunCancelled(RUN, REASON, "alice");

    private final Object[] aRunning = {
            started(DEFINITION, Map.of()),
            new StepScheduled(RUN, "a", 1, "transform", A_INPUT),
            new StepStarted(RUN, "a", 1)};
    private final Object[] bWaiting = concat(aRunning,
            stepSucceeded("a", 1, Map.of("n", 1)),
            new StepScheduled(RUN, "b", 1, "external", Map.of("instructions", "Check the figures.")),
            new StepStarted(RUN, "b", 1),
            new StepAwaitingAttestation(RUN, "b", 1, "Check the figures."),
            new RunWaiting(RUN, List.of("b")));

    private AggregateTestFixture<Run> fixture;

    @BeforeEach
    void setUp() {
        fixture = runFixture();
    }

    @Test
    void givenRunningRun_whenCancelled_thenRunCancelled() {
        fixture.given(aRunning)
                .when(new CancelRun(RUN, REASON, "alice"))
                .expectEvents(CANCELLED)
                .expectResultMessagePayload(RunStatus.CANCELLED);
    }

    @Test
    void givenWaitingRun_whenCancelled_thenRunCancelled() {
        fixture.given(bWaiting)
                .when(new CancelRun(RUN, REASON, "alice"))
                .expectEvents(CANCELLED)
                .expectResultMessagePayload(RunStatus.CANCELLED);
    }

    @Test
    void givenSucceededRun_whenCancelled_thenRejectedAsFinal() {
        fixture.given(concat(bWaiting,
                        new StepAttested(RUN, "b", 1, AttestationOutcome.SUCCEEDED, null, List.of(),
                                "bob", null),
                        new RunResumed(RUN, "b"),
                        new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("n", 3))),
                        new StepStarted(RUN, "c", 1),
                        stepSucceeded("c", 1, Map.of("n", 3)),
                        new RunSucceeded(RUN)))
                .when(new CancelRun(RUN, REASON, "alice"))
                .expectNoEvents()
                .expectException(rejection(409, "run-final"))
                .expectExceptionMessage("Run run-1 is SUCCEEDED already; a final run cannot change.");
    }

    @Test
    void givenFailedRun_whenCancelled_thenRejectedAsFinal() {
        StepError broken = new StepError("boom", "It broke.");
        fixture.given(concat(aRunning,
                        new StepFailed(RUN, "a", 1, broken, false),
                        new StepSkipped(RUN, "b", 0, "Run halted because step 'a' failed."),
                        new StepSkipped(RUN, "c", 0, "Run halted because step 'a' failed."),
                        new RunFailed(RUN, "a", broken)))
                .when(new CancelRun(RUN, REASON, "alice"))
                .expectNoEvents()
                .expectException(rejection(409, "run-final"))
                .expectExceptionMessage("Run run-1 is FAILED already; a final run cannot change.");
    }

    @Test
    void givenCancelledRun_whenCancelledAgain_thenRejectedAsFinal() {
        fixture.given(concat(aRunning, CANCELLED))
                .when(new CancelRun(RUN, "Again.", "bob"))
                .expectNoEvents()
                .expectException(rejection(409, "run-final"))
                .expectExceptionMessage("Run run-1 is CANCELLED already; a final run cannot change.");
    }

    @Test
    void givenCancelledRun_whenAResultOfItsRunningStepArrives_thenNoEvents() {
        fixture.given(concat(aRunning, CANCELLED))
                .when(record(succeeded("a", 1, Map.of("n", 1))))
                .expectNoEvents();
    }

    @Test
    void givenCancelledRun_whenAScheduledStepReportsItStarted_thenNoEvents() {
        fixture.given(started(DEFINITION, Map.of()), new StepScheduled(RUN, "a", 1, "transform", A_INPUT), CANCELLED)
                .when(record(started("a", 1)))
                .expectNoEvents();
    }

    @Test
    void givenRunCancelledWhileWaiting_whenTheWaitingStepIsAttested_thenRejectedAsNotWaiting() {
        fixture.given(concat(bWaiting, CANCELLED))
                .when(new AttestStep(RUN, "b", AttestationOutcome.SUCCEEDED, null, null, null, "bob", Set.of()))
                .expectNoEvents()
                .expectException(rejection(409, "step-not-waiting"))
                .expectExceptionMessage("Step 'b' is CANCELLED, not WAITING, so it cannot be attested.");
    }

    @Test
    void givenCancelledRun_whenEveryKindOfTimerFires_thenNothing() {
        WorkflowDefinition timed = workflow("timed")
                .runTimeout("PT1H")
                .transform("a", Map.of("n", 1)).retry(3, "PT1S", null).timeout("PT30S").dispatchTimeout("PT10S")
                .waitFor("pause", "PT5M")
                .build();

        fixture.givenCurrentTime(Instant.parse("2030-01-01T00:00:00Z"))
                .andGivenCommands(startRun(timed, Map.of()),
                        record(started("a", 1)),
                        record(failedRetryably("a", 1, new StepError("http_503", "Unavailable."))),
                        new CancelRun(RUN, REASON, "alice"))
                .whenTimeElapses(Duration.ofHours(1))
                .expectNoEvents()
                .expectTriggeredDeadlinesWithName(StepDeadline.RETRY, StepDeadline.DISPATCH_TIMEOUT,
                        StepDeadline.EXECUTION_TIMEOUT, StepDeadline.WAIT, RunDeadline.TIMEOUT);
    }

    @Test
    void shouldCancelEveryUnfinishedStepAndKeepTheFinishedOnes() {
        RunState state = RunState.started(started(DEFINITION, Map.of()));
        Arrays.stream(bWaiting).skip(1).map(RunEvent.class::cast).forEach(state::apply);

        state.apply(CANCELLED);

        assertThat(state.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(state.step("a").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(state.step("b").status()).as("waiting").isEqualTo(StepStatus.CANCELLED);
        assertThat(state.step("c").status()).as("pending").isEqualTo(StepStatus.CANCELLED);
    }
}
