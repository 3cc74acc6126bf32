package io.reckoning.command.run;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
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
import io.reckoning.events.StepSucceeded;
import io.reckoning.state.RunStatus;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.reckoning.command.Definitions.workflow;
import static io.reckoning.command.run.RunFixtures.RUN;
import static io.reckoning.command.run.RunFixtures.awaitingAttestation;
import static io.reckoning.command.run.RunFixtures.concat;
import static io.reckoning.command.run.RunFixtures.failed;
import static io.reckoning.command.run.RunFixtures.record;
import static io.reckoning.command.run.RunFixtures.rejection;
import static io.reckoning.command.run.RunFixtures.runFixture;
import static io.reckoning.command.run.RunFixtures.started;
import static io.reckoning.command.run.RunFixtures.startRun;
import static io.reckoning.command.run.RunFixtures.succeeded;
import static io.reckoning.command.run.RunFixtures.withoutLast;

/** The Run aggregate as given/when/then: what each command appends to a run's stream, and what it refuses. */
class RunTest {

    private static final String PAPER = "https://example.org/paper.pdf";
    private static final String INSTRUCTIONS = "Run the reference simulation of " + PAPER + ".";
    private static final String HALTED_BY_B = "Run halted because step 'b' failed.";
    private static final Artifact RESULT_FILE = new Artifact("result.h5", "s3://lab/result.h5", "0f".repeat(32), 1024,
            "application/x-hdf5");

    private FixtureConfiguration<Run> fixture;

    @BeforeEach
    void setUp() {
        fixture = runFixture();
    }

    /** a (transform) → b (external) → c (transform). */
    @Nested
    class Chain {

        private static final WorkflowDefinition DEFINITION = workflow("paper-review")
                .input("paper_url", "string")
                .input("pages", "integer")
                .transform("a", Map.of("url", "{{ inputs.paper_url }}", "pages", "{{ inputs.pages }}"))
                .external("b", "Run the reference simulation of {{ steps.a.output.url }}.", "a")
                .transform("c", Map.of("verdict", "{{ steps.b.output.result }}"), "b")
                .build();
        private static final Map<String, Object> INPUTS = Map.of("paper_url", PAPER, "pages", 12);
        private static final Map<String, Object> A_OUTPUT = Map.of("url", PAPER, "pages", 12);

        private final Object[] aScheduled = {
                started(DEFINITION, INPUTS),
                new StepScheduled(RUN, "a", 1, "transform", Map.of("output", A_OUTPUT))};
        private final Object[] bRunning = concat(aScheduled,
                new StepStarted(RUN, "a", 1),
                new StepSucceeded(RUN, "a", 1, A_OUTPUT, List.of()),
                new StepScheduled(RUN, "b", 1, "external", Map.of("instructions", INSTRUCTIONS)),
                new StepStarted(RUN, "b", 1));
        private final Object[] bWaiting = concat(bRunning,
                new StepAwaitingAttestation(RUN, "b", 1, INSTRUCTIONS),
                new RunWaiting(RUN, List.of("b")));
        private final Object[] cRunning = concat(bWaiting,
                new StepAttested(RUN, "b", 1, AttestationOutcome.SUCCEEDED, Map.of("result", "pass"),
                        List.of(RESULT_FILE), "alice", "Matches the reference."),
                new RunResumed(RUN, "b"),
                new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("verdict", "pass"))),
                new StepStarted(RUN, "c", 1));
        private final Object[] failedByAttestation = concat(bWaiting,
                new StepAttested(RUN, "b", 1, AttestationOutcome.FAILED, null, List.of(), "bob", "Diverged."),
                new RunResumed(RUN, "b"),
                new StepSkipped(RUN, "c", 0, HALTED_BY_B),
                new RunFailed(RUN, "b", new StepError("attested_failed", "Step 'b' was attested FAILED: Diverged.")));

        @Test
        void givenNoRun_whenStartRun_thenRunStartsAndOnlyTheRootStepIsScheduledWithResolvedInput() {
            fixture.givenNoPriorActivity()
                    .when(startRun(DEFINITION, INPUTS))
                    .expectEvents(started(DEFINITION, INPUTS),
                            new StepScheduled(RUN, "a", 1, "transform",
                                    Map.of("output", Map.of("url", PAPER, "pages", 12))))
                    .expectResultMessagePayload(RunStatus.RUNNING);
        }

        @Test
        void givenScheduledStep_whenItSucceeds_thenItStartsImplicitlyAndTheNextStepIsScheduled() {
            fixture.given(aScheduled)
                    .when(record(succeeded("a", 1, A_OUTPUT)))
                    .expectEvents(new StepStarted(RUN, "a", 1),
                            new StepSucceeded(RUN, "a", 1, A_OUTPUT, List.of()),
                            new StepScheduled(RUN, "b", 1, "external", Map.of("instructions", INSTRUCTIONS)));
        }

        @Test
        void givenScheduledStep_whenStartedIsReported_thenStepStarted() {
            fixture.given(aScheduled)
                    .when(record(started("a", 1)))
                    .expectEvents(new StepStarted(RUN, "a", 1));
        }

        @Test
        void givenStartedStep_whenStartedIsReportedAgain_thenNoEvents() {
            fixture.given(concat(aScheduled, new StepStarted(RUN, "a", 1)))
                    .when(record(started("a", 1)))
                    .expectNoEvents();
        }

        @Test
        void givenRunningExternalStep_whenItAwaitsAttestation_thenStepAndRunWait() {
            fixture.given(bRunning)
                    .when(record(awaitingAttestation("b", 1)))
                    .expectEvents(new StepAwaitingAttestation(RUN, "b", 1, INSTRUCTIONS),
                            new RunWaiting(RUN, List.of("b")));
        }

        @Test
        void givenScheduledExternalStep_whenItAwaitsAttestation_thenItStartsImplicitlyThenWaits() {
            fixture.given(withoutLast(bRunning))
                    .when(record(awaitingAttestation("b", 1)))
                    .expectEvents(new StepStarted(RUN, "b", 1),
                            new StepAwaitingAttestation(RUN, "b", 1, INSTRUCTIONS),
                            new RunWaiting(RUN, List.of("b")));
        }

        @Test
        void givenWaitingStep_whenAttestedSucceeded_thenRunResumesAndTheNextStepIsScheduled() {
            fixture.given(bWaiting)
                    .when(new AttestStep(RUN, "b", AttestationOutcome.SUCCEEDED, Map.of("result", "pass"),
                            List.of(RESULT_FILE), "Matches the reference.", "alice", Set.of()))
                    .expectEvents(new StepAttested(RUN, "b", 1, AttestationOutcome.SUCCEEDED, Map.of("result", "pass"),
                                    List.of(RESULT_FILE), "alice", "Matches the reference."),
                            new RunResumed(RUN, "b"),
                            new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("verdict", "pass"))))
                    .expectResultMessagePayload(RunStatus.RUNNING);
        }

        @Test
        void givenLastStepRunning_whenItSucceeds_thenRunSucceeds() {
            fixture.given(cRunning)
                    .when(record(succeeded("c", 1, Map.of("verdict", "pass"))))
                    .expectEvents(new StepSucceeded(RUN, "c", 1, Map.of("verdict", "pass"), List.of()),
                            new RunSucceeded(RUN));
        }

        @Test
        void givenWaitingStep_whenAttestedFailed_thenRunFailsAndTheDownstreamStepIsSkipped() {
            fixture.given(bWaiting)
                    .when(new AttestStep(RUN, "b", AttestationOutcome.FAILED, null, null, "Diverged.", "bob", Set.of()))
                    .expectEvents(new StepAttested(RUN, "b", 1, AttestationOutcome.FAILED, null, List.of(), "bob",
                                    "Diverged."),
                            new RunResumed(RUN, "b"),
                            new StepSkipped(RUN, "c", 0, HALTED_BY_B),
                            new RunFailed(RUN, "b",
                                    new StepError("attested_failed", "Step 'b' was attested FAILED: Diverged.")))
                    .expectResultMessagePayload(RunStatus.FAILED);
        }

        @Test
        void givenRunFailedByAttestation_whenAResultForTheSkippedStepArrives_thenNoEvents() {
            fixture.given(failedByAttestation)
                    .when(record(succeeded("c", 1, Map.of("verdict", "pass"))))
                    .expectNoEvents();
        }

        @Test
        void givenRunFailedByAttestation_whenTheSkippedStepIsAttested_thenRejectedAsNotWaiting() {
            fixture.given(failedByAttestation)
                    .when(new AttestStep(RUN, "c", AttestationOutcome.SUCCEEDED, null, null, null, "alice", Set.of()))
                    .expectNoEvents()
                    .expectException(rejection(409, "step-not-waiting"))
                    .expectExceptionMessage("Step 'c' is SKIPPED, not WAITING, so it cannot be attested.");
        }

        @Test
        void givenStepAlreadySucceeded_whenTheSameResultArrivesAgain_thenNoEvents() {
            fixture.given(withoutLast(bRunning))
                    .when(record(succeeded("a", 1, A_OUTPUT)))
                    .expectNoEvents();
        }

        @Test
        void givenStepOnItsSecondAttempt_whenAResultOfTheFirstAttemptArrives_thenNoEvents() {
            fixture.given(concat(aScheduled,
                            new StepStarted(RUN, "a", 1),
                            new StepScheduled(RUN, "a", 2, "transform", Map.of("output", A_OUTPUT))))
                    .when(record(succeeded("a", 1, A_OUTPUT)))
                    .expectNoEvents();
        }

        @Test
        void givenStepOnItsFirstAttempt_whenAResultOfAnAttemptNeverScheduledArrives_thenNoEvents() {
            fixture.given(aScheduled)
                    .when(record(succeeded("a", 2, A_OUTPUT)))
                    .expectNoEvents();
        }

        @Test
        void givenPendingStep_whenItIsAttested_thenRejectedAsNotWaiting() {
            fixture.given(aScheduled)
                    .when(new AttestStep(RUN, "b", AttestationOutcome.SUCCEEDED, null, null, null, "alice", Set.of()))
                    .expectNoEvents()
                    .expectException(rejection(409, "step-not-waiting"))
                    .expectExceptionMessage("Step 'b' is PENDING, not WAITING, so it cannot be attested.");
        }

        @Test
        void givenAttestedStep_whenItIsAttestedAgain_thenRejectedAsNotWaiting() {
            fixture.given(withoutLast(withoutLast(cRunning)))
                    .when(new AttestStep(RUN, "b", AttestationOutcome.FAILED, null, null, "Changed my mind.", "bob", Set.of()))
                    .expectNoEvents()
                    .expectException(rejection(409, "step-not-waiting"))
                    .expectExceptionMessage("Step 'b' is SUCCEEDED, not WAITING, so it cannot be attested.");
        }

        @Test
        void givenRun_whenAnUnknownStepIsAttested_thenRejectedAsNotFound() {
            fixture.given(bWaiting)
                    .when(new AttestStep(RUN, "zzz", AttestationOutcome.SUCCEEDED, null, null, null, "alice", Set.of()))
                    .expectNoEvents()
                    .expectException(rejection(404, "step-not-found"))
                    .expectExceptionMessage("Run run-1 has no step 'zzz'.");
        }

        @Test
        void givenStartedRun_whenConfirmStartAsksForTheSameRun_thenItsCurrentStatusWithoutEvents() {
            fixture.given(bWaiting)
                    .when(new ConfirmStart(RUN, "paper-review", 1, Map.of("pages", 12, "paper_url", PAPER)))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(RunStatus.WAITING);
        }

        @Test
        void givenStartedRun_whenConfirmStartHasDifferentInputs_thenRejectedAsIdempotencyKeyReused() {
            fixture.given(aScheduled)
                    .when(new ConfirmStart(RUN, "paper-review", 1, Map.of("paper_url", PAPER, "pages", 13)))
                    .expectNoEvents()
                    .expectException(rejection(409, "idempotency-key-reused"));
        }

        @Test
        void givenStartedRun_whenConfirmStartNamesAnotherVersion_thenRejectedAsIdempotencyKeyReused() {
            fixture.given(aScheduled)
                    .when(new ConfirmStart(RUN, "paper-review", 2, INPUTS))
                    .expectNoEvents()
                    .expectException(rejection(409, "idempotency-key-reused"));
        }
    }

    /** a → (b, c) → d: fan-out and fan-in. */
    @Nested
    class Diamond {

        private static final WorkflowDefinition DEFINITION = workflow("diamond")
                .input("n", "integer")
                .transform("a", Map.of("n", "{{ inputs.n }}"))
                .transform("b", Map.of("left", "{{ steps.a.output.n }}"), "a")
                .transform("c", Map.of("right", "{{ steps.a.output.n }}"), "a")
                .transform("d", List.of("{{ steps.b.output.left }}", "{{ steps.c.output.right }}"), "b", "c")
                .build();
        private static final Map<String, Object> INPUTS = Map.of("n", 5);
        private static final StepError REFUSED = new StepError("llm_refused", "The model refused to answer.");

        private final Object[] aRunning = {
                started(DEFINITION, INPUTS),
                new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("n", 5))),
                new StepStarted(RUN, "a", 1)};
        private final Object[] branchesScheduled = concat(aRunning,
                new StepSucceeded(RUN, "a", 1, Map.of("n", 5), List.of()),
                new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("left", 5))),
                new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("right", 5))));
        private final Object[] branchesRunning = concat(branchesScheduled,
                new StepStarted(RUN, "b", 1),
                new StepStarted(RUN, "c", 1));
        private final Object[] failedWhileCRunning = concat(branchesRunning,
                new StepFailed(RUN, "b", 1, REFUSED, false),
                new StepSkipped(RUN, "d", 0, HALTED_BY_B),
                new RunFailed(RUN, "b", REFUSED));

        @Test
        void givenRootRunning_whenItSucceeds_thenBothBranchesAreScheduled() {
            fixture.given(aRunning)
                    .when(record(succeeded("a", 1, Map.of("n", 5))))
                    .expectEvents(new StepSucceeded(RUN, "a", 1, Map.of("n", 5), List.of()),
                            new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("left", 5))),
                            new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("right", 5))));
        }

        @Test
        void givenBothBranchesRunning_whenOneSucceeds_thenTheJoinStepWaitsForTheOther() {
            fixture.given(branchesRunning)
                    .when(record(succeeded("b", 1, Map.of("left", "L"))))
                    .expectEvents(new StepSucceeded(RUN, "b", 1, Map.of("left", "L"), List.of()));
        }

        @Test
        void givenOneBranchSucceeded_whenTheOtherSucceeds_thenTheJoinStepIsScheduledWithBothOutputs() {
            fixture.given(concat(branchesRunning, new StepSucceeded(RUN, "b", 1, Map.of("left", "L"), List.of())))
                    .when(record(succeeded("c", 1, Map.of("right", "R"))))
                    .expectEvents(new StepSucceeded(RUN, "c", 1, Map.of("right", "R"), List.of()),
                            new StepScheduled(RUN, "d", 1, "transform", Map.of("output", List.of("L", "R"))));
        }

        @Test
        void givenBothBranchesRunning_whenOneFails_thenRunFailsAndPendingStepsAreSkipped() {
            fixture.given(branchesRunning)
                    .when(record(failed("b", 1, REFUSED)))
                    .expectEvents(new StepFailed(RUN, "b", 1, REFUSED, false),
                            new StepSkipped(RUN, "d", 0, HALTED_BY_B),
                            new RunFailed(RUN, "b", REFUSED));
        }

        @Test
        void givenRunFailedWhileABranchRan_whenThatBranchSucceeds_thenItIsRecordedButNothingIsScheduled() {
            fixture.given(failedWhileCRunning)
                    .when(record(succeeded("c", 1, Map.of("right", "R"))))
                    .expectEvents(new StepSucceeded(RUN, "c", 1, Map.of("right", "R"), List.of()));
        }

        @Test
        void givenRunFailedWhileABranchRan_whenThatBranchFails_thenItIsRecordedAndTheRunDoesNotFailTwice() {
            fixture.given(failedWhileCRunning)
                    .when(record(failed("c", 1, REFUSED)))
                    .expectEvents(new StepFailed(RUN, "c", 1, REFUSED, false));
        }

        @Test
        void givenSiblingScheduledButNotStarted_whenABranchFails_thenTheSiblingIsSkippedToo() {
            fixture.given(concat(branchesScheduled, new StepStarted(RUN, "b", 1)))
                    .when(record(failed("b", 1, REFUSED)))
                    .expectEvents(new StepFailed(RUN, "b", 1, REFUSED, false),
                            new StepSkipped(RUN, "c", 1, HALTED_BY_B),
                            new StepSkipped(RUN, "d", 0, HALTED_BY_B),
                            new RunFailed(RUN, "b", REFUSED));
        }

        @Test
        void givenRunningStep_whenAFailureWithoutReasonIsReported_thenItFailsWithExecutorFailed() {
            StepError noReason = new StepError("executor_failed", "The executor reported a failure without a reason.");
            fixture.given(concat(branchesRunning, new StepSucceeded(RUN, "b", 1, Map.of("left", "L"), List.of())))
                    .when(record(failed("c", 1, null)))
                    .expectEvents(new StepFailed(RUN, "c", 1, noReason, false),
                            new StepSkipped(RUN, "d", 0, "Run halted because step 'c' failed."),
                            new RunFailed(RUN, "c", noReason));
        }
    }

    /** Templates that name something the run does not have fail the step they belong to, and so the run. */
    @Nested
    class UnresolvedTemplates {

        @Test
        void givenStepOutputWithoutTheReferencedPath_whenTheDependentStepIsScheduled_thenItAndTheRunFail() {
            WorkflowDefinition definition = workflow("broken")
                    .transform("a", Map.of("url", PAPER))
                    .transform("b", Map.of("title", "{{ steps.a.output.title }}"), "a")
                    .transform("c", Map.of("done", true), "b")
                    .build();
            StepError unresolved = new StepError("template_unresolved",
                    "Template '{{ steps.a.output.title }}' refers to 'title', which does not exist in the output of step 'a'.");

            fixture.given(started(definition, Map.of()),
                            new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("url", PAPER))),
                            new StepStarted(RUN, "a", 1))
                    .when(record(succeeded("a", 1, Map.of("url", PAPER))))
                    .expectEvents(new StepSucceeded(RUN, "a", 1, Map.of("url", PAPER), List.of()),
                            new StepFailed(RUN, "b", 1, unresolved, false),
                            new StepSkipped(RUN, "c", 0, HALTED_BY_B),
                            new RunFailed(RUN, "b", unresolved));
        }

        @Test
        void givenNoRun_whenStartRunWithARootTemplateOnAnAbsentInput_thenTheRunFailsAtOnce() {
            WorkflowDefinition definition = workflow("broken")
                    .optionalInput("note", "string")
                    .transform("a", Map.of("note", "{{ inputs.note }}"))
                    .transform("b", Map.of("done", true), "a")
                    .build();
            StepError unresolved = new StepError("template_unresolved",
                    "Template '{{ inputs.note }}' refers to 'note', which does not exist in the run's inputs.");

            fixture.givenNoPriorActivity()
                    .when(startRun(definition, Map.of()))
                    .expectEvents(started(definition, Map.of()),
                            new StepFailed(RUN, "a", 1, unresolved, false),
                            new StepSkipped(RUN, "b", 0, "Run halted because step 'a' failed."),
                            new RunFailed(RUN, "a", unresolved))
                    .expectResultMessagePayload(RunStatus.FAILED);
        }
    }
}
