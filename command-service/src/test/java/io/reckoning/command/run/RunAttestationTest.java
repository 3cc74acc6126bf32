package io.reckoning.command.run;

import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepStarted;
import io.reckoning.state.RunStatus;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.reckoning.command.Definitions.workflow;
import static io.reckoning.command.run.RunFixtures.RUN;
import static io.reckoning.command.run.RunFixtures.rejection;
import static io.reckoning.command.run.RunFixtures.runFixture;
import static io.reckoning.command.run.RunFixtures.started;
import static io.reckoning.command.run.RunFixtures.stepSucceeded;

/** Who may attest a step, and corrections of a finished step's output. a → b (external, attestors) → c. */
class RunAttestationTest {

    private static final WorkflowDefinition DEFINITION = workflow("paper-review")
            .transform("a", Map.of("n", 1))
            .external("b", "Check the figures.", "a").attestors("dr.chen", "reviewers")
            .transform("c", Map.of("n", 3), "b")
            .build();

    private final Object[] bWaiting = {
            started(DEFINITION, Map.of()),
            new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("n", 1))),
            new StepStarted(RUN, "a", 1),
            stepSucceeded("a", 1, Map.of("n", 1)),
            new StepScheduled(RUN, "b", 1, "external", Map.of("instructions", "Check the figures.")),
            new StepStarted(RUN, "b", 1),
            new StepAwaitingAttestation(RUN, "b", 1, "Check the figures."),
            new RunWaiting(RUN, List.of("b"))};

    private AggregateTestFixture<Run> fixture;

    @BeforeEach
    void setUp() {
        fixture = runFixture();
    }

    @Test
    void givenStepWithAttestors_whenSomeoneElseAttests_thenForbiddenAndNoEvents() {
        fixture.given(bWaiting)
                .when(new AttestStep(RUN, "b", AttestationOutcome.SUCCEEDED, null, null, null, "mallory", Set.of("viewer")))
                .expectNoEvents()
                .expectException(rejection(403, "attestation-forbidden"));
    }

    @Test
    void givenStepWithAttestors_whenANamedPrincipalAttests_thenAttested() {
        fixture.given(bWaiting)
                .when(new AttestStep(RUN, "b", AttestationOutcome.SUCCEEDED, null, null, null, "dr.chen", Set.of()))
                .expectEvents(new StepAttested(RUN, "b", 1, AttestationOutcome.SUCCEEDED, null, List.of(), "dr.chen", null),
                        new RunResumed(RUN, "b"),
                        new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("n", 3))));
    }

    @Test
    void givenStepWithAttestors_whenSomeoneWithAListedRoleAttests_thenAttested() {
        fixture.given(bWaiting)
                .when(new AttestStep(RUN, "b", AttestationOutcome.FAILED, null, null, "Wrong.", "bob", Set.of("reviewers")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(RunStatus.FAILED);
    }

    @Test
    void givenSucceededStep_whenItsOutputIsCorrected_thenCorrectionRecordedWithTheAttempt() {
        fixture.given(bWaiting)
                .when(new CorrectStepOutput(RUN, "a", Map.of("n", 2), "Transcription error.", "alice"))
                .expectEvents(new StepOutputCorrected(RUN, "a", 1, Map.of("n", 2), "Transcription error.", "alice"));
    }

    @Test
    void givenWaitingStep_whenItsOutputIsCorrected_thenRejectedAsNotSucceeded() {
        fixture.given(bWaiting)
                .when(new CorrectStepOutput(RUN, "b", Map.of(), "Too early.", "alice"))
                .expectNoEvents()
                .expectException(rejection(409, "step-not-succeeded"));
    }

    @Test
    void givenRun_whenAnUnknownStepIsCorrected_thenRejectedAsNotFound() {
        fixture.given(bWaiting)
                .when(new CorrectStepOutput(RUN, "zzz", Map.of(), "Typo.", "alice"))
                .expectNoEvents()
                .expectException(rejection(404, "step-not-found"));
    }
}
