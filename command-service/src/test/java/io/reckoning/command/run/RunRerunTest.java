package io.reckoning.command.run;

import io.reckoning.events.Artifact;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
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

import static io.reckoning.command.Definitions.workflow;
import static io.reckoning.command.run.RunFixtures.DIGEST;
import static io.reckoning.command.run.RunFixtures.RUN;
import static io.reckoning.command.run.RunFixtures.concat;
import static io.reckoning.command.run.RunFixtures.record;
import static io.reckoning.command.run.RunFixtures.rejection;
import static io.reckoning.command.run.RunFixtures.runFixture;
import static io.reckoning.command.run.RunFixtures.started;
import static io.reckoning.command.run.RunFixtures.stepSucceeded;
import static io.reckoning.command.run.RunFixtures.succeeded;

/**
 * Reruns of a → (b, c) → d: {@link PlanRerun} reads what a rerun from a step would reuse; {@link StartRun} with
 * {@code reused} copies those outputs into the new run instead of executing their steps again.
 */
class RunRerunTest {

    private static final WorkflowDefinition DEFINITION = workflow("diamond")
            .input("n", "integer")
            .transform("a", Map.of("n", "{{ inputs.n }}"))
            .transform("b", Map.of("left", "{{ steps.a.output.n }}"), "a")
            .transform("c", Map.of("right", "{{ steps.a.output.n }}"), "a")
            .transform("d", List.of("{{ steps.b.output.left }}", "{{ steps.c.output.right }}"), "b", "c")
            .build();
    private static final Map<String, Object> INPUTS = Map.of("n", 5);
    private static final Artifact TABLE = new Artifact("table.csv", "s3://lab/table.csv", "0f".repeat(32), 2048,
            "text/csv");
    private static final StepError REFUSED = new StepError("llm_refused", "The model refused to answer.");

    private FixtureConfiguration<Run> fixture;

    @BeforeEach
    void setUp() {
        fixture = runFixture();
    }

    @Nested
    class PlanningARerun {

        private final Object[] cStillRunning = {
                started(DEFINITION, INPUTS),
                new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("n", 5))),
                new StepStarted(RUN, "a", 1),
                new StepSucceeded(RUN, "a", 1, Map.of("n", 5), List.of(TABLE)),
                new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("left", 5))),
                new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("right", 5))),
                new StepStarted(RUN, "b", 1),
                new StepStarted(RUN, "c", 1),
                stepSucceeded("b", 1, Map.of("left", "L"))};
        private final Object[] joinFailed = concat(cStillRunning,
                stepSucceeded("c", 1, Map.of("right", "R")),
                new StepScheduled(RUN, "d", 1, "transform", Map.of("output", List.of("L", "R"))),
                new StepStarted(RUN, "d", 1),
                new StepFailed(RUN, "d", 1, REFUSED, false),
                new RunFailed(RUN, "d", REFUSED));

        @Test
        void givenJoinFailed_whenPlanRerunFromTheJoin_thenAllThreeUpstreamOutputsAreReusedWithoutEvents() {
            fixture.given(joinFailed)
                    .when(new PlanRerun(RUN, "d"))
                    .expectNoEvents()
                    .expectResultMessagePayload(plan(
                            new StepSucceeded(RUN, "a", 1, Map.of("n", 5), List.of(TABLE)),
                            stepSucceeded("b", 1, Map.of("left", "L")),
                            stepSucceeded("c", 1, Map.of("right", "R"))));
        }

        @Test
        void givenJoinFailed_whenPlanRerunFromABranch_thenOnlyTheRootIsReused() {
            fixture.given(joinFailed)
                    .when(new PlanRerun(RUN, "b"))
                    .expectNoEvents()
                    .expectResultMessagePayload(plan(new StepSucceeded(RUN, "a", 1, Map.of("n", 5), List.of(TABLE))));
        }

        @Test
        void givenJoinFailed_whenPlanRerunFromTheRoot_thenNothingIsReused() {
            fixture.given(joinFailed)
                    .when(new PlanRerun(RUN, "a"))
                    .expectNoEvents()
                    .expectResultMessagePayload(plan());
        }

        @Test
        void givenBranchFailed_whenPlanRerunFromTheJoin_thenTheFailedAndSkippedBranchesAreNotReused() {
            String halted = "Run halted because step 'b' failed.";
            fixture.given(started(DEFINITION, INPUTS),
                            new StepScheduled(RUN, "a", 1, "transform", Map.of("output", Map.of("n", 5))),
                            new StepStarted(RUN, "a", 1),
                            stepSucceeded("a", 1, Map.of("n", 5)),
                            new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("left", 5))),
                            new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("right", 5))),
                            new StepStarted(RUN, "b", 1),
                            new StepFailed(RUN, "b", 1, REFUSED, false),
                            new StepSkipped(RUN, "c", 1, halted),
                            new StepSkipped(RUN, "d", 0, halted),
                            new RunFailed(RUN, "b", REFUSED))
                    .when(new PlanRerun(RUN, "d"))
                    .expectNoEvents()
                    .expectResultMessagePayload(plan(stepSucceeded("a", 1, Map.of("n", 5))));
        }

        @Test
        void givenRunStillGoing_whenPlanRerunFromTheJoin_thenTheBranchesThatSucceededSoFarAreReused() {
            fixture.given(cStillRunning)
                    .when(new PlanRerun(RUN, "d"))
                    .expectNoEvents()
                    .expectResultMessagePayload(plan(
                            new StepSucceeded(RUN, "a", 1, Map.of("n", 5), List.of(TABLE)),
                            stepSucceeded("b", 1, Map.of("left", "L"))));
        }

        @Test
        void givenRun_whenPlanRerunFromAnUnknownStep_thenRejectedAsNotFound() {
            fixture.given(joinFailed)
                    .when(new PlanRerun(RUN, "zzz"))
                    .expectNoEvents()
                    .expectException(rejection(404, "step-not-found"))
                    .expectExceptionMessage("Run run-1 has no step 'zzz'.");
        }

        private static RerunPlan plan(StepSucceeded... reused) {
            return new RerunPlan("diamond", 1, DIGEST, DEFINITION, INPUTS, List.of(reused));
        }
    }

    @Nested
    class StartingARerun {

        private static final String ORIGINAL = "run-0";

        @Test
        void givenNoRun_whenStartRunReusingBothBranches_thenTheirOutputsAreCopiedAndOnlyTheJoinIsScheduled() {
            fixture.givenNoPriorActivity()
                    .when(rerun(new StepSucceeded(ORIGINAL, "a", 1, Map.of("n", 5), List.of(TABLE)),
                            new StepSucceeded(ORIGINAL, "b", 2, Map.of("left", "L"), List.of()),
                            new StepSucceeded(ORIGINAL, "c", 1, Map.of("right", "R"), List.of())))
                    .expectEvents(rerunStarted(),
                            new StepSucceeded(RUN, "a", 0, Map.of("n", 5), List.of(TABLE)),
                            stepSucceeded("b", 0, Map.of("left", "L")),
                            stepSucceeded("c", 0, Map.of("right", "R")),
                            new StepScheduled(RUN, "d", 1, "transform", Map.of("output", List.of("L", "R"))))
                    .expectResultMessagePayload(RunStatus.RUNNING);
        }

        @Test
        void givenNoRun_whenStartRunReusingTheRoot_thenBothBranchesAreScheduledFromItsOutput() {
            fixture.givenNoPriorActivity()
                    .when(rerun(new StepSucceeded(ORIGINAL, "a", 1, Map.of("n", 7), List.of())))
                    .expectEvents(rerunStarted(),
                            stepSucceeded("a", 0, Map.of("n", 7)),
                            new StepScheduled(RUN, "b", 1, "transform", Map.of("output", Map.of("left", 7))),
                            new StepScheduled(RUN, "c", 1, "transform", Map.of("output", Map.of("right", 7))));
        }

        @Test
        void givenRerunStarted_whenTheJoinSucceeds_thenTheRunSucceeds() {
            fixture.given(rerunStarted(),
                            stepSucceeded("a", 0, Map.of("n", 5)),
                            stepSucceeded("b", 0, Map.of("left", "L")),
                            stepSucceeded("c", 0, Map.of("right", "R")),
                            new StepScheduled(RUN, "d", 1, "transform", Map.of("output", List.of("L", "R"))))
                    .when(record(succeeded("d", 1, "LR")))
                    .expectEvents(new StepStarted(RUN, "d", 1),
                            stepSucceeded("d", 1, "LR"),
                            new RunSucceeded(RUN));
        }

        private static StartRun rerun(StepSucceeded... reused) {
            return new StartRun(RUN, "diamond", 1, DIGEST, DEFINITION, INPUTS, null, ORIGINAL, List.of(reused));
        }

        private static RunStarted rerunStarted() {
            return new RunStarted(RUN, "diamond", 1, DIGEST, DEFINITION, INPUTS, null, ORIGINAL);
        }
    }
}
