package io.reckoning.command.run;

import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepError;
import io.reckoning.events.StepFailed;
import io.reckoning.messages.StepResult;
import io.reckoning.events.StepRetryScheduled;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepTimedOut;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.reckoning.command.Definitions.workflow;
import static io.reckoning.command.run.RunFixtures.RUN;
import static io.reckoning.command.run.RunFixtures.awaitingAttestation;
import static io.reckoning.command.run.RunFixtures.concat;
import static io.reckoning.command.run.RunFixtures.eventEqualTo;
import static io.reckoning.command.run.RunFixtures.exactly;
import static io.reckoning.command.run.RunFixtures.failed;
import static io.reckoning.command.run.RunFixtures.failedRetryably;
import static io.reckoning.command.run.RunFixtures.record;
import static io.reckoning.command.run.RunFixtures.retryScheduled;
import static io.reckoning.command.run.RunFixtures.runFixture;
import static io.reckoning.command.run.RunFixtures.simulated;
import static io.reckoning.command.run.RunFixtures.started;
import static io.reckoning.command.run.RunFixtures.startRun;
import static io.reckoning.command.run.RunFixtures.stepSucceeded;
import static io.reckoning.command.run.RunFixtures.succeeded;
import static io.reckoning.command.run.RunFixtures.withoutLast;

/**
 * The Run aggregate's timers as given/when/then: retries with backoff, step and run timeouts, wait steps. Each
 * test starts at {@link #T0}. Timers exist only when a command set them, so histories that need one end with the
 * command that sets it ({@code andGivenCommands}); they fire as the fixture's time elapses. The aggregate reads
 * {@link GenericEventMessage#clock}, which the fixture fixes for commands but not for deadlines, hence
 * {@link RunFixtures#simulated}.
 */
class RunTimersTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final String URL = "https://example.org/data.csv";
    private static final StepError FLAKY = new StepError("http_503", "The service was unavailable.");
    private static final StepError BROKEN = new StepError("schema_mismatch", "The file has no header row.");
    private static final String HALTED_BY_A = "Run halted because step 'a' failed.";

    private AggregateTestFixture<Run> fixture;
    private Clock wallClock;

    @BeforeEach
    void setUp() {
        fixture = runFixture();
        wallClock = GenericEventMessage.clock;
        GenericEventMessage.clock = simulated(fixture);
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = wallClock;
    }

    /** a (transform, 3 attempts, backoff PT2S) → b. */
    @Nested
    class Retries {

        private static final WorkflowDefinition DEFINITION = workflow("flaky")
                .input("url", "string")
                .transform("a", Map.of("url", "{{ inputs.url }}")).retry(3, "PT2S", "PT1M")
                .transform("b", Map.of("from", "{{ steps.a.output.url }}"), "a")
                .build();
        private static final Map<String, Object> INPUTS = Map.of("url", URL);
        private static final Map<String, Object> A_INPUT = Map.of("output", Map.of("url", URL));
        private static final Map<String, Object> A_OUTPUT = Map.of("url", URL);

        private final Object[] aRunning = {
                started(DEFINITION, INPUTS),
                new StepScheduled(RUN, "a", 1, "transform", A_INPUT),
                new StepStarted(RUN, "a", 1)};
        private final Object[] secondAttemptScheduled = concat(aRunning,
                new StepFailed(RUN, "a", 1, FLAKY, true),
                new StepRetryScheduled(RUN, "a", 1, 2, T0.plusMillis(1500), FLAKY),
                new StepScheduled(RUN, "a", 2, "transform", A_INPUT));
        private final Object[] thirdAttemptRunning = concat(secondAttemptScheduled,
                new StepStarted(RUN, "a", 2),
                new StepFailed(RUN, "a", 2, FLAKY, true),
                new StepRetryScheduled(RUN, "a", 2, 3, T0.plusSeconds(5), FLAKY),
                new StepScheduled(RUN, "a", 3, "transform", A_INPUT),
                new StepStarted(RUN, "a", 3));

        @Test
        void givenRunningStepWithAttemptsLeft_whenItFailsRetryably_thenItsRetryIsScheduledWithinTheBackoff() {
            AtomicReference<Instant> retryAt = new AtomicReference<>();

            ResultValidator<Run> result = fixture.givenCurrentTime(T0).andGiven(aRunning)
                    .when(record(failedRetryably("a", 1, FLAKY)));

            result.expectEventsMatching(exactly(
                            eventEqualTo(new StepFailed(RUN, "a", 1, FLAKY, true)),
                            retryScheduled("a", 1, FLAKY, T0.plusSeconds(1), T0.plusSeconds(2), retryAt)))
                    .expectSuccessfulHandlerExecution();
            result.expectScheduledDeadline(retryAt.get(), new StepDeadline("a", 1))
                    .expectScheduledDeadlineWithName(retryAt.get(), StepDeadline.RETRY);
        }

        @Test
        void givenRunningStep_whenItFailsAskingToRetryAfterLongerThanTheBackoff_thenTheRetryWaitsThatLong() {
            StepResult rateLimited = new StepResult(RUN, "a", 1, StepResult.FAILED, null, FLAKY, true, List.of(), null,
                    "PT45S");

            ResultValidator<Run> result = fixture.givenCurrentTime(T0).andGiven(aRunning).when(record(rateLimited));

            result.expectEvents(new StepFailed(RUN, "a", 1, FLAKY, true),
                            new StepRetryScheduled(RUN, "a", 1, 2, T0.plusSeconds(45), FLAKY))
                    .expectScheduledDeadlineWithName(T0.plusSeconds(45), StepDeadline.RETRY);
        }

        @Test
        void givenRetryScheduled_whenLessThanHalfTheBackoffHasPassed_thenNothingHappensYet() {
            fixture.givenCurrentTime(T0).andGiven(aRunning)
                    .andGivenCommands(record(failedRetryably("a", 1, FLAKY)))
                    .whenTimeElapses(Duration.ofMillis(999))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void givenRetryScheduled_whenItsTimerFires_thenTheNextAttemptIsScheduledWithItsTemplatesResolved() {
            fixture.givenCurrentTime(T0).andGiven(aRunning)
                    .andGivenCommands(record(failedRetryably("a", 1, FLAKY)))
                    .whenThenTimeElapses(Duration.ofSeconds(2))
                    .expectEvents(new StepScheduled(RUN, "a", 2, "transform", A_INPUT))
                    .expectTriggeredDeadlines(new StepDeadline("a", 1))
                    .expectTriggeredDeadlinesWithName(StepDeadline.RETRY);
        }

        @Test
        void givenSecondAttemptScheduled_whenItSucceeds_thenTheRunContinuesWithItsOutput() {
            fixture.givenCurrentTime(T0).andGiven(secondAttemptScheduled)
                    .when(record(succeeded("a", 2, A_OUTPUT)))
                    .expectEvents(new StepStarted(RUN, "a", 2),
                            stepSucceeded("a", 2, A_OUTPUT),
                            new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("from", URL))));
        }

        @Test
        void givenRetryPending_whenALateResultOfTheFailedAttemptArrives_thenNoEvents() {
            fixture.givenCurrentTime(T0).andGiven(withoutLast(secondAttemptScheduled))
                    .when(record(succeeded("a", 1, A_OUTPUT)))
                    .expectNoEvents();
        }

        @Test
        void givenRetryTimersOfTwoAttemptsDue_whenTheyFire_thenOnlyTheCurrentAttemptsTimerSchedulesTheNextAttempt() {
            // a backoff of zero makes both timers due at T0: the one of attempt 1 (which already led to attempt 2,
            // given here as events) is stale, as it would be when a timer is delivered twice
            WorkflowDefinition immediate = workflow("immediate")
                    .transform("a", Map.of("n", 1)).retry(3, "PT0S", null)
                    .build();
            Map<String, Object> input = Map.of("output", Map.of("n", 1));

            fixture.givenCurrentTime(T0)
                    .andGiven(started(immediate, Map.of()),
                            new StepScheduled(RUN, "a", 1, "transform", input),
                            new StepStarted(RUN, "a", 1))
                    .andGivenCommands(record(failedRetryably("a", 1, FLAKY)))
                    .andGiven(new StepScheduled(RUN, "a", 2, "transform", input), new StepStarted(RUN, "a", 2))
                    .andGivenCommands(record(failedRetryably("a", 2, FLAKY)))
                    .whenTimeElapses(Duration.ZERO)
                    .expectEvents(new StepScheduled(RUN, "a", 3, "transform", input))
                    .expectTriggeredDeadlines(new StepDeadline("a", 1), new StepDeadline("a", 2));
        }

        @Test
        void givenLastAttemptRunning_whenItFailsRetryably_thenTheRunFails() {
            fixture.givenCurrentTime(T0).andGiven(thirdAttemptRunning)
                    .when(record(failedRetryably("a", 3, FLAKY)))
                    .expectEvents(new StepFailed(RUN, "a", 3, FLAKY, true),
                            new StepSkipped(RUN, "b", 0, HALTED_BY_A),
                            new RunFailed(RUN, "a", FLAKY))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void givenAttemptsLeft_whenTheStepFailsNonRetryably_thenTheRunFailsAtOnce() {
            fixture.givenCurrentTime(T0).andGiven(aRunning)
                    .when(record(failed("a", 1, BROKEN)))
                    .expectEvents(new StepFailed(RUN, "a", 1, BROKEN, false),
                            new StepSkipped(RUN, "b", 0, HALTED_BY_A),
                            new RunFailed(RUN, "a", BROKEN))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void givenStepWithoutRetryPolicy_whenItFailsRetryably_thenTheRunFailsAtOnce() {
            WorkflowDefinition once = workflow("once")
                    .transform("a", Map.of("n", 1))
                    .transform("b", Map.of("n", 2), "a")
                    .build();

            fixture.givenCurrentTime(T0)
                    .andGiven(started(once, Map.of()),
                            new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("n", 1))),
                            new StepStarted(RUN, "a", 1))
                    .when(record(failedRetryably("a", 1, FLAKY)))
                    .expectEvents(new StepFailed(RUN, "a", 1, FLAKY, true),
                            new StepSkipped(RUN, "b", 0, HALTED_BY_A),
                            new RunFailed(RUN, "a", FLAKY))
                    .expectNoScheduledDeadlines();
        }
    }

    /** a → (b with 2 attempts, c external) → d: a retry in one branch while the other waits or fails. */
    @Nested
    class RetryInABranch {

        private static final WorkflowDefinition DEFINITION = workflow("branchy")
                .transform("a", Map.of("n", 1))
                .transform("b", Map.of("n", 2), "a").retry(2, "PT2S", null)
                .external("c", "Check the plot.", "a")
                .transform("d", Map.of("n", 4), "b", "c")
                .build();
        private static final String HALTED_BY_C = "Run halted because step 'c' failed.";
        private static final StepError C_FAILED = new StepError("attested_failed", "Step 'c' was attested FAILED: Blurry.");

        private final Object[] branchesRunning = {
                started(DEFINITION, Map.of()),
                new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("n", 1))),
                new StepStarted(RUN, "a", 1),
                stepSucceeded("a", 1, Map.of("n", 1)),
                new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("n", 2))),
                new StepScheduled(RUN, "c", 1, "external", Map.of("instructions", "Check the plot.")),
                new StepStarted(RUN, "b", 1),
                new StepStarted(RUN, "c", 1)};
        private final Object[] bRetrying = concat(branchesRunning,
                new StepFailed(RUN, "b", 1, FLAKY, true),
                new StepRetryScheduled(RUN, "b", 1, 2, T0.plusSeconds(1), FLAKY));

        @Test
        void givenOneBranchWaitingForItsRetry_whenTheOtherAwaitsAttestation_thenTheRunDoesNotWait() {
            fixture.givenCurrentTime(T0).andGiven(bRetrying)
                    .when(record(awaitingAttestation("c", 1)))
                    .expectEvents(new StepAwaitingAttestation(RUN, "c", 1, "Check the plot."));
        }

        @Test
        void givenOneBranchWaitingForItsRetry_whenTheOtherFails_thenThePendingRetryIsSkipped() {
            fixture.givenCurrentTime(T0)
                    .andGiven(concat(bRetrying, new StepAwaitingAttestation(RUN, "c", 1, "Check the plot.")))
                    .when(new AttestStep(RUN, "c", AttestationOutcome.FAILED, null, null, "Blurry.", "bob", Set.of()))
                    .expectEvents(new StepAttested(RUN, "c", 1, AttestationOutcome.FAILED, null, List.of(), "bob",
                                    "Blurry."),
                            new StepSkipped(RUN, "b", 1, HALTED_BY_C),
                            new StepSkipped(RUN, "d", 0, HALTED_BY_C),
                            new RunFailed(RUN, "c", C_FAILED));
        }

        @Test
        void givenRunFailedWhileARetryWasPending_whenTheRetryTimerFires_thenNothing() {
            fixture.givenCurrentTime(T0)
                    .andGiven(concat(branchesRunning, new StepAwaitingAttestation(RUN, "c", 1, "Check the plot.")))
                    .andGivenCommands(record(failedRetryably("b", 1, FLAKY)),
                            new AttestStep(RUN, "c", AttestationOutcome.FAILED, null, null, "Blurry.", "bob", Set.of()))
                    .whenTimeElapses(Duration.ofSeconds(2))
                    .expectNoEvents()
                    .expectTriggeredDeadlines(new StepDeadline("b", 1));
        }
    }

    /**
     * The n-th retry waits between half and all of {@code backoff * 2^(n-1)}, at most {@code maxBackoff}; the jitter
     * is random, so each test checks the bounds (the fixture fixes the clock at {@link #T0}).
     */
    @Nested
    class Backoff {

        private static final WorkflowDefinition DEFINITION = workflow("backoff")
                .transform("a", Map.of("n", 1)).retry(5, "PT10S", "PT1M")
                .build();
        private static final Map<String, Object> A_INPUT = Map.of("output", Map.of("n", 1));

        @Test
        void givenFirstAttemptRunning_whenItFailsRetryably_thenTheRetryIsDueWithinHalfToAllOfTheBackoff() {
            fixture.givenCurrentTime(T0).andGiven(attemptRunning(DEFINITION, A_INPUT, 1))
                    .when(record(failedRetryably("a", 1, FLAKY)))
                    .expectEventsMatching(exactly(
                            eventEqualTo(new StepFailed(RUN, "a", 1, FLAKY, true)),
                            retryScheduled("a", 1, FLAKY, T0.plusSeconds(5), T0.plusSeconds(10), null)));
        }

        @Test
        void givenSecondAttemptRunning_whenItFailsRetryably_thenTheBackoffHasDoubled() {
            fixture.givenCurrentTime(T0).andGiven(attemptRunning(DEFINITION, A_INPUT, 2))
                    .when(record(failedRetryably("a", 2, FLAKY)))
                    .expectEventsMatching(exactly(
                            eventEqualTo(new StepFailed(RUN, "a", 2, FLAKY, true)),
                            retryScheduled("a", 2, FLAKY, T0.plusSeconds(10), T0.plusSeconds(20), null)));
        }

        @Test
        void givenFourthAttemptRunning_whenItFailsRetryably_thenTheBackoffIsCappedAtMaxBackoff() {
            // 10 s * 2^3 = 80 s, capped at 60 s
            fixture.givenCurrentTime(T0).andGiven(attemptRunning(DEFINITION, A_INPUT, 4))
                    .when(record(failedRetryably("a", 4, FLAKY)))
                    .expectEventsMatching(exactly(
                            eventEqualTo(new StepFailed(RUN, "a", 4, FLAKY, true)),
                            retryScheduled("a", 4, FLAKY, T0.plusSeconds(30), T0.plusSeconds(60), null)));
        }

        @Test
        void givenRetryPolicyWithoutBackoff_whenTheFirstAttemptFails_thenTheDefaultBackoffOfOneSecondApplies() {
            WorkflowDefinition defaults = workflow("defaults")
                    .transform("a", Map.of("n", 1)).retry(2, null, null)
                    .build();

            fixture.givenCurrentTime(T0).andGiven(attemptRunning(defaults, A_INPUT, 1))
                    .when(record(failedRetryably("a", 1, FLAKY)))
                    .expectEventsMatching(exactly(
                            eventEqualTo(new StepFailed(RUN, "a", 1, FLAKY, true)),
                            retryScheduled("a", 1, FLAKY, T0.plusMillis(500), T0.plusSeconds(1), null)));
        }

        /** The history of a run whose only step, a, is running attempt {@code attempt} after retries. */
        private static Object[] attemptRunning(WorkflowDefinition definition, Map<String, Object> input, int attempt) {
            Object[] history = {started(definition, Map.of())};
            for (int n = 1; n < attempt; n++) {
                history = concat(history,
                        new StepScheduled(RUN, "a", n, "transform", input),
                        new StepStarted(RUN, "a", n),
                        new StepFailed(RUN, "a", n, FLAKY, true),
                        new StepRetryScheduled(RUN, "a", n, n + 1, T0, FLAKY));
            }
            return concat(history,
                    new StepScheduled(RUN, "a", attempt, "transform", input),
                    new StepStarted(RUN, "a", attempt));
        }
    }

    /** A step's {@code dispatchTimeout} (scheduled → started) and {@code timeout} (started → outcome). */
    @Nested
    class StepTimeouts {

        private static final WorkflowDefinition EXECUTION = workflow("slow")
                .transform("a", Map.of("n", 1)).timeout("PT30S")
                .transform("b", Map.of("n", 2), "a")
                .build();
        private static final WorkflowDefinition EXECUTION_WITH_RETRY = workflow("slow")
                .transform("a", Map.of("n", 1)).retry(2, "PT1S", null).timeout("PT30S")
                .transform("b", Map.of("n", 2), "a")
                .build();
        private static final WorkflowDefinition DISPATCH = workflow("unpicked")
                .transform("a", Map.of("n", 1)).dispatchTimeout("PT10S")
                .transform("b", Map.of("n", 2), "a")
                .build();
        private static final WorkflowDefinition UNLIMITED = workflow("unlimited")
                .transform("a", Map.of("n", 1))
                .transform("b", Map.of("n", 2), "a")
                .build();
        private static final Map<String, Object> A_INPUT = Map.of("output", Map.of("n", 1));
        private static final StepError A_EXECUTION_TIMED_OUT = new StepError("timed_out",
                "Attempt 1 of step 'a' timed out (execution limit PT30S).");
        private static final StepError A_DISPATCH_TIMED_OUT = new StepError("timed_out",
                "Attempt 1 of step 'a' timed out (dispatch limit PT10S).");

        @Test
        void givenScheduledStepWithTimeout_whenItStarts_thenItsExecutionTimerIsSet() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(EXECUTION, Map.of()), new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .when(record(started("a", 1)))
                    .expectEvents(new StepStarted(RUN, "a", 1))
                    .expectScheduledDeadline(Duration.ofSeconds(30), new StepDeadline("a", 1))
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(30), StepDeadline.EXECUTION_TIMEOUT);
        }

        @Test
        void givenRunningStep_whenItsTimeoutPasses_thenItTimesOutAndTheRunFails() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(EXECUTION, Map.of()), new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .andGivenCommands(record(started("a", 1)))
                    .whenTimeElapses(Duration.ofSeconds(30))
                    .expectEvents(new StepTimedOut(RUN, "a", 1, StepTimedOut.EXECUTION, "PT30S"),
                            new StepSkipped(RUN, "b", 0, HALTED_BY_A),
                            new RunFailed(RUN, "a", A_EXECUTION_TIMED_OUT))
                    .expectTriggeredDeadlinesWithName(StepDeadline.EXECUTION_TIMEOUT);
        }

        @Test
        void givenRunningStepWithRetries_whenItsTimeoutPasses_thenItIsRetriedAsARetryableFailure() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(EXECUTION_WITH_RETRY, Map.of()),
                            new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .andGivenCommands(record(started("a", 1)))
                    .whenTimeElapses(Duration.ofSeconds(31))
                    .expectEventsMatching(exactly(
                            eventEqualTo(new StepTimedOut(RUN, "a", 1, StepTimedOut.EXECUTION, "PT30S")),
                            retryScheduled("a", 1, A_EXECUTION_TIMED_OUT, T0.plusMillis(30_500), T0.plusSeconds(31),
                                    null),
                            eventEqualTo(new StepScheduled(RUN, "a", 2, "transform", A_INPUT))))
                    .expectTriggeredDeadlinesWithName(StepDeadline.EXECUTION_TIMEOUT, StepDeadline.RETRY);
        }

        @Test
        void givenStepThatSucceeded_whenItsTimeoutPasses_thenNothing() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(EXECUTION, Map.of()), new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .andGivenCommands(record(started("a", 1)), record(succeeded("a", 1, Map.of("n", 1))))
                    .whenTimeElapses(Duration.ofSeconds(30))
                    .expectNoEvents()
                    .expectTriggeredDeadlines(new StepDeadline("a", 1));
        }

        @Test
        void givenNextAttemptScheduledByTheRetryTimer_whenTheTimeoutOfTheFailedAttemptPasses_thenItDoesNothing() {
            // attempt 1 fails at T0 and its execution timer stays set for T0+30s; attempt 2 is scheduled about a
            // second later by the retry timer, and only the stale timer of attempt 1 is due at T0+30s
            fixture.givenCurrentTime(T0)
                    .andGiven(started(EXECUTION_WITH_RETRY, Map.of()),
                            new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .andGivenCommands(record(started("a", 1)), record(failedRetryably("a", 1, FLAKY)))
                    .whenTimeElapses(Duration.ofSeconds(30))
                    .expectEvents(new StepScheduled(RUN, "a", 2, "transform", A_INPUT))
                    .expectTriggeredDeadlinesWithName(StepDeadline.RETRY, StepDeadline.EXECUTION_TIMEOUT);
        }

        @Test
        void givenNextAttemptRunning_whenTheTimersOfTheFailedAttemptFire_thenTheyDoNothing() {
            // the timers of attempt 1 are set by the commands; attempt 2 is given as having been scheduled and
            // started (by a retry timer and an executor the fixture does not replay), so it is RUNNING, like the
            // attempt the stale execution timer was set for
            fixture.givenCurrentTime(T0)
                    .andGiven(started(EXECUTION_WITH_RETRY, Map.of()),
                            new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .andGivenCommands(record(started("a", 1)), record(failedRetryably("a", 1, FLAKY)))
                    .andGiven(new StepScheduled(RUN, "a", 2, "transform", A_INPUT), new StepStarted(RUN, "a", 2))
                    .whenTimeElapses(Duration.ofSeconds(30))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName(StepDeadline.RETRY, StepDeadline.EXECUTION_TIMEOUT);
        }

        @Test
        void givenRunFailedWhileAStepWithATimeoutRan_whenItsTimeoutPasses_thenNothing() {
            WorkflowDefinition definition = workflow("fork")
                    .transform("a", Map.of("n", 1)).timeout("PT30S")
                    .transform("b", Map.of("n", 2))
                    .build();

            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(definition, Map.of()),
                            record(started("a", 1)),
                            record(failed("b", 1, BROKEN)))
                    .whenTimeElapses(Duration.ofSeconds(30))
                    .expectNoEvents()
                    .expectTriggeredDeadlines(new StepDeadline("a", 1));
        }

        @Test
        void givenExternalStepWaitingForAttestation_whenItsTimeoutPasses_thenItTimesOutAndTheRunFails() {
            WorkflowDefinition definition = workflow("review")
                    .transform("a", Map.of("n", 1))
                    .external("b", "Review it.", "a").timeout("PT1H")
                    .transform("c", Map.of("n", 3), "b")
                    .build();

            fixture.givenCurrentTime(T0)
                    .andGiven(externalStepScheduled(definition))
                    .andGivenCommands(record(awaitingAttestation("b", 1)))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new StepTimedOut(RUN, "b", 1, StepTimedOut.EXECUTION, "PT1H"),
                            new StepSkipped(RUN, "c", 0, "Run halted because step 'b' failed."),
                            new RunFailed(RUN, "b",
                                    new StepError("timed_out", "Attempt 1 of step 'b' timed out (execution limit PT1H).")));
        }

        @Test
        void givenRunWaitingForAnExternalStepWithRetries_whenItsTimeoutPasses_thenTheRunResumesAndTheStepIsRetried() {
            WorkflowDefinition definition = workflow("review")
                    .transform("a", Map.of("n", 1))
                    .external("b", "Review it.", "a").retry(2, "PT1M", null).timeout("PT1H")
                    .transform("c", Map.of("n", 3), "b")
                    .build();
            StepError timedOut = new StepError("timed_out", "Attempt 1 of step 'b' timed out (execution limit PT1H).");
            Instant timeoutAt = T0.plus(Duration.ofHours(1));

            fixture.givenCurrentTime(T0)
                    .andGiven(externalStepScheduled(definition))
                    .andGivenCommands(record(awaitingAttestation("b", 1)))
                    .whenTimeElapses(Duration.ofMinutes(61))
                    .expectEventsMatching(exactly(
                            eventEqualTo(new StepTimedOut(RUN, "b", 1, StepTimedOut.EXECUTION, "PT1H")),
                            retryScheduled("b", 1, timedOut, timeoutAt.plusSeconds(30), timeoutAt.plusSeconds(60),
                                    null),
                            eventEqualTo(new RunResumed(RUN, "b")),
                            eventEqualTo(new StepScheduled(RUN, "b", 2, "external",
                                    Map.of("instructions", "Review it.")))));
        }

        @Test
        void givenExternalStepRetriedAfterItsTimeout_whenItsNextAttemptAwaitsAttestation_thenTheRunWaitsAgain() {
            WorkflowDefinition definition = workflow("review")
                    .transform("a", Map.of("n", 1))
                    .external("b", "Review it.", "a").retry(2, "PT1M", null).timeout("PT1H")
                    .transform("c", Map.of("n", 3), "b")
                    .build();
            StepError timedOut = new StepError("timed_out", "Attempt 1 of step 'b' timed out (execution limit PT1H).");

            fixture.givenCurrentTime(T0)
                    .andGiven(concat(externalStepScheduled(definition),
                            new StepStarted(RUN, "b", 1),
                            new StepAwaitingAttestation(RUN, "b", 1, "Review it."),
                            new RunWaiting(RUN, List.of("b")),
                            new StepTimedOut(RUN, "b", 1, StepTimedOut.EXECUTION, "PT1H"),
                            new StepRetryScheduled(RUN, "b", 1, 2, T0.plus(Duration.ofMinutes(61)), timedOut),
                            new RunResumed(RUN, "b"),
                            new StepScheduled(RUN, "b", 2, "external", Map.of("instructions", "Review it."))))
                    .when(record(awaitingAttestation("b", 2)))
                    .expectEvents(new StepStarted(RUN, "b", 2),
                            new StepAwaitingAttestation(RUN, "b", 2, "Review it."),
                            new RunWaiting(RUN, List.of("b")));
        }

        @Test
        void givenScheduledStepWithDispatchTimeout_whenNoExecutorStartsItInTime_thenItTimesOutAndTheRunFails() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(DISPATCH, Map.of()))
                    .whenTimeElapses(Duration.ofSeconds(10))
                    .expectEvents(new StepTimedOut(RUN, "a", 1, StepTimedOut.DISPATCH, "PT10S"),
                            new StepSkipped(RUN, "b", 0, HALTED_BY_A),
                            new RunFailed(RUN, "a", A_DISPATCH_TIMED_OUT))
                    .expectTriggeredDeadlines(new StepDeadline("a", 1))
                    .expectTriggeredDeadlinesWithName(StepDeadline.DISPATCH_TIMEOUT);
        }

        @Test
        void givenNoRun_whenStartRunWithADispatchTimeout_thenTheDispatchTimerIsSetWhenTheStepIsScheduled() {
            fixture.givenCurrentTime(T0)
                    .when(startRun(DISPATCH, Map.of()))
                    .expectEvents(started(DISPATCH, Map.of()), new StepScheduled(RUN, "a", 1, "transform", A_INPUT))
                    .expectScheduledDeadline(Duration.ofSeconds(10), new StepDeadline("a", 1))
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(10), StepDeadline.DISPATCH_TIMEOUT);
        }

        @Test
        void givenStepStartedInTime_whenItsDispatchTimeoutPasses_thenNothing() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(DISPATCH, Map.of()), record(started("a", 1)))
                    .whenTimeElapses(Duration.ofSeconds(10))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName(StepDeadline.DISPATCH_TIMEOUT);
        }

        @Test
        void givenNoTimeoutsDeclared_whenTheRunStartsAndItsStepStarts_thenNoTimerIsSet() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(UNLIMITED, Map.of()))
                    .when(record(started("a", 1)))
                    .expectEvents(new StepStarted(RUN, "a", 1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void givenNoTimeoutsDeclared_whenStartRun_thenNoTimerIsSet() {
            fixture.givenCurrentTime(T0)
                    .when(startRun(UNLIMITED, Map.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlines();
        }

        private static Object[] externalStepScheduled(WorkflowDefinition definition) {
            return new Object[] {
                    started(definition, Map.of()),
                    new StepScheduled(RUN, "a", 1, "transform", A_INPUT),
                    new StepStarted(RUN, "a", 1),
                    stepSucceeded("a", 1, Map.of("n", 1)),
                    new StepScheduled(RUN, "b", 1, "external", Map.of("instructions", "Review it."))};
        }
    }

    /** The workflow's {@code timeout}: a → (b, c) → d within an hour. */
    @Nested
    class RunTimeout {

        private static final WorkflowDefinition DEFINITION = workflow("hourly")
                .runTimeout("PT1H")
                .transform("a", Map.of("n", 1))
                .transform("b", Map.of("n", 2), "a")
                .transform("c", Map.of("n", 3), "a")
                .transform("d", Map.of("n", 4), "b", "c")
                .build();
        private static final String HALTED = "Run halted: The run did not finish within its timeout of PT1H.";
        private static final StepError RUN_TIMED_OUT = new StepError("run_timed_out",
                "The run did not finish within its timeout of PT1H.");

        private final Object[] bRunningAndCScheduled = {
                new StepStarted(RUN, "a", 1),
                stepSucceeded("a", 1, Map.of("n", 1)),
                new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("n", 2))),
                new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("n", 3))),
                new StepStarted(RUN, "b", 1)};

        @Test
        void givenNoRun_whenStartRunWithATimeout_thenTheRunTimerIsSet() {
            fixture.givenCurrentTime(T0)
                    .when(startRun(DEFINITION, Map.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadline(Duration.ofHours(1), new RunDeadline(RUN))
                    .expectScheduledDeadlineWithName(Duration.ofHours(1), RunDeadline.TIMEOUT);
        }

        @Test
        void givenRunStillGoing_whenItsTimeoutPasses_thenStepsNotStartedAreSkippedAndTheRunFailsWithoutAStep() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(DEFINITION, Map.of()))
                    .andGiven(bRunningAndCScheduled)
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new StepSkipped(RUN, "c", 1, HALTED),
                            new StepSkipped(RUN, "d", 0, HALTED),
                            new RunFailed(RUN, null, RUN_TIMED_OUT))
                    .expectTriggeredDeadlines(new RunDeadline(RUN));
        }

        @Test
        void givenRunTimedOutWhileAStepRan_whenThatStepSucceeds_thenItIsRecordedButNothingIsScheduled() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(DEFINITION, Map.of()))
                    .andGiven(concat(bRunningAndCScheduled,
                            new StepSkipped(RUN, "c", 1, HALTED),
                            new StepSkipped(RUN, "d", 0, HALTED),
                            new RunFailed(RUN, null, RUN_TIMED_OUT)))
                    .when(record(succeeded("b", 1, Map.of("n", 2))))
                    .expectEvents(stepSucceeded("b", 1, Map.of("n", 2)));
        }

        @Test
        void givenRunThatSucceeded_whenItsTimeoutPasses_thenNothing() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(DEFINITION, Map.of()))
                    .andGiven(concat(bRunningAndCScheduled,
                            new StepStarted(RUN, "c", 1),
                            stepSucceeded("b", 1, Map.of("n", 2)),
                            stepSucceeded("c", 1, Map.of("n", 3)),
                            new StepScheduled(RUN, "d", 1, "transform", Map.of("output", Map.of("n", 4))),
                            new StepStarted(RUN, "d", 1),
                            stepSucceeded("d", 1, Map.of("n", 4)),
                            new RunSucceeded(RUN)))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines(new RunDeadline(RUN));
        }

        @Test
        void givenRunWaitingForAnAttestation_whenItsTimeoutPasses_thenTheRunFails() {
            WorkflowDefinition definition = workflow("review")
                    .runTimeout("PT1H")
                    .external("a", "Sign it.")
                    .transform("b", Map.of("n", 2), "a")
                    .build();

            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(definition, Map.of()), record(awaitingAttestation("a", 1)))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new StepSkipped(RUN, "b", 0, HALTED),
                            new RunFailed(RUN, null, RUN_TIMED_OUT));
        }
    }

    /** {@code wait} steps: timers the aggregate runs itself, without an executor. */
    @Nested
    class WaitSteps {

        private static final WorkflowDefinition BY_DURATION = workflow("cool-down")
                .waitFor("pause", "PT10M")
                .transform("b", Map.of("after", "{{ steps.pause.output.waitedUntil }}"), "pause")
                .build();
        private static final String AT = "2030-01-01T06:00:00Z";
        private static final WorkflowDefinition BY_INSTANT = workflow("launch")
                .input("at", "string")
                .waitUntil("hold", "{{ inputs.at }}")
                .transform("go", Map.of("ok", true), "hold")
                .build();
        private static final String TEN_MINUTES_LATER = "2030-01-01T00:10:00Z";

        @Test
        void givenNoRun_whenStartRunWithAWaitStep_thenItIsScheduledAndStartedAtOnceWithItsTimerSet() {
            fixture.givenCurrentTime(T0)
                    .when(startRun(BY_DURATION, Map.of()))
                    .expectEvents(started(BY_DURATION, Map.of()),
                            new StepScheduled(RUN, "pause", 1, "wait",
                                    Map.of("duration", "PT10M", "dueAt", TEN_MINUTES_LATER)),
                            new StepStarted(RUN, "pause", 1))
                    .expectScheduledDeadline(Duration.ofMinutes(10), new StepDeadline("pause", 1))
                    .expectScheduledDeadlineWithName(Duration.ofMinutes(10), StepDeadline.WAIT);
        }

        @Test
        void givenWaitStep_whenItsDurationHasNotPassed_thenNothing() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(BY_DURATION, Map.of()))
                    .whenTimeElapses(Duration.ofMinutes(10).minusMillis(1))
                    .expectNoEvents();
        }

        @Test
        void givenWaitStep_whenItsDurationPasses_thenItSucceedsWithTheTimeItWaitedUntil() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(BY_DURATION, Map.of()))
                    .whenTimeElapses(Duration.ofMinutes(10))
                    .expectEvents(stepSucceeded("pause", 1, Map.of("waitedUntil", TEN_MINUTES_LATER)),
                            new StepScheduled(RUN, "b", 1, "transform",
                                    Map.of("output", Map.of("after", TEN_MINUTES_LATER))))
                    .expectTriggeredDeadlines(new StepDeadline("pause", 1));
        }

        @Test
        void givenNoRun_whenStartRunWithAWaitUntilAnInput_thenItsTimerIsSetForThatInstant() {
            fixture.givenCurrentTime(T0)
                    .when(startRun(BY_INSTANT, Map.of("at", AT)))
                    .expectEvents(started(BY_INSTANT, Map.of("at", AT)),
                            new StepScheduled(RUN, "hold", 1, "wait", Map.of("until", AT, "dueAt", AT)),
                            new StepStarted(RUN, "hold", 1))
                    .expectScheduledDeadline(Instant.parse(AT), new StepDeadline("hold", 1));
        }

        @Test
        void givenWaitUntilAnInstant_whenThatInstantComes_thenItSucceedsAndTheNextStepIsScheduled() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(BY_INSTANT, Map.of("at", AT)))
                    .whenTimeAdvancesTo(Instant.parse(AT))
                    .expectEvents(stepSucceeded("hold", 1, Map.of("waitedUntil", AT)),
                            new StepScheduled(RUN, "go", 1, "transform", Map.of("output", Map.of("ok", true))));
        }

        @Test
        void givenOnlyAWaitStep_whenItIsOver_thenTheRunSucceeds() {
            WorkflowDefinition definition = workflow("nap").waitFor("nap", "PT1S").build();

            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(definition, Map.of()))
                    .whenTimeElapses(Duration.ofSeconds(1))
                    .expectEvents(stepSucceeded("nap", 1, Map.of("waitedUntil", "2030-01-01T00:00:01Z")),
                            new RunSucceeded(RUN));
        }

        @Test
        void givenRunFailedWhileAWaitStepWaited_whenItsTimeIsUp_thenItIsRecordedButSchedulesNothing() {
            WorkflowDefinition definition = workflow("fork")
                    .waitFor("pause", "PT10M")
                    .transform("b", Map.of("n", 2))
                    .build();

            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(definition, Map.of()), record(failed("b", 1, BROKEN)))
                    .whenTimeElapses(Duration.ofMinutes(10))
                    .expectEvents(stepSucceeded("pause", 1, Map.of("waitedUntil", T0.plus(Duration.ofMinutes(10)).toString())))
                    .expectTriggeredDeadlines(new StepDeadline("pause", 1));
        }

        @Test
        void givenWaitUntilAnInstantAlreadyPast_whenAnyTimePasses_thenItIsOverAtOnce() {
            String past = "2029-12-31T23:00:00Z";

            fixture.givenCurrentTime(T0)
                    .andGivenCommands(startRun(BY_INSTANT, Map.of("at", past)))
                    .whenTimeElapses(Duration.ZERO)
                    .expectEvents(stepSucceeded("hold", 1, Map.of("waitedUntil", past)),
                            new StepScheduled(RUN, "go", 1, "transform", Map.of("output", Map.of("ok", true))));
        }
    }

}
