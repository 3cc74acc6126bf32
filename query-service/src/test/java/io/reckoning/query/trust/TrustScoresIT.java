package io.reckoning.query.trust;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunStarted;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepError;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSucceeded;
import io.reckoning.query.config.QueryMetrics;
import io.reckoning.query.config.QueryProperties;
import io.reckoning.query.readmodel.ReadModelDatabase;
import io.reckoning.query.readmodel.RunView;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trust scores over the run view, built by calling its handlers directly on a real PostgreSQL database. */
class TrustScoresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WINDOW = Duration.ofDays(30);
    /** The window reaches back to T0 + 1 day. */
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(31));
    private static final Instant IN_WINDOW = T0.plus(Duration.ofDays(2));

    private static ReadModelDatabase database;

    private RunView runView;
    private TrustScores scores;

    @BeforeAll
    static void createDatabase() {
        database = ReadModelDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void setUp() {
        database.jdbc().update("delete from query.step_run");
        database.jdbc().update("delete from query.run_summary");
        runView = new RunView(database.jdbc(), JSON);
        scores = new TrustScores(database.jdbc());
        history();
    }

    @Test
    void shouldScoreEachStepByItsFinishedRunsThatSucceededWithoutACorrection() {
        TrustScore trust = scores.of("paper-review", WINDOW, NOW);

        assertThat(trust.workflow()).isEqualTo("paper-review");
        assertThat(trust.window()).isEqualTo("PT720H");
        assertThat(trust.steps()).containsExactly(
                new TrustScore.Step("extract", 3, 1, 1.0 / 3),
                new TrustScore.Step("review", 2, 1, 0.5));
        assertThat(trust.overall()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void shouldHaveNoScoreForAWorkflowWithNothingFinishedInTheWindow() {
        TrustScore trust = scores.of("paper-review", Duration.ofHours(1), NOW);

        assertThat(trust.steps()).isEmpty();
        assertThat(trust.overall()).isNull();
        assertThat(scores.of("unknown", WINDOW, NOW).overall()).isNull();
    }

    @Test
    void shouldPublishOneGaugePerWorkflowAndDropItWhenItsStepsLeaveTheWindow() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TrustGauges gauges = new TrustGauges(scores, new QueryProperties(WINDOW, null), meters);

        gauges.refresh(NOW);

        assertThat(meters.get(QueryMetrics.TRUST_SCORE).tag("workflow", "paper-review").gauge().value())
                .isCloseTo(0.4, within(1e-9));
        assertThat(meters.get(QueryMetrics.TRUST_SCORE).tag("workflow", "lab-check").gauge().value()).isEqualTo(1.0);
        assertThat(meters.find(QueryMetrics.TRUST_SCORE).gauges()).hasSize(2);

        gauges.refresh(NOW.plus(Duration.ofDays(60)));

        assertThat(meters.find(QueryMetrics.TRUST_SCORE).gauges()).isEmpty();
    }

    /**
     * paper-review: extract succeeded in run 1, succeeded and was corrected in run 2, failed in run 3; review was
     * attested succeeded in run 1 and failed in run 2. Not counted: a success before the window (run 4), a reused
     * output of a rerun (run 5), a step still running (run 6). lab-check: one success.
     */
    private void history() {
        start("run-1", "paper-review");
        succeed("run-1", "extract", 1, IN_WINDOW);
        attest("run-1", "review", AttestationOutcome.SUCCEEDED, IN_WINDOW);

        start("run-2", "paper-review");
        succeed("run-2", "extract", 1, IN_WINDOW);
        runView.apply(new StepOutputCorrected("run-2", "extract", 1, Map.of("pages", 14), "Miscounted.", "alice"), 3,
                IN_WINDOW.plusSeconds(60));
        attest("run-2", "review", AttestationOutcome.FAILED, IN_WINDOW);

        start("run-3", "paper-review");
        runView.apply(new StepScheduled("run-3", "extract", 1, "transform", Map.of()), 1, IN_WINDOW);
        runView.apply(new StepFailed("run-3", "extract", 1, new StepError("boom", "It broke."), false), 2, IN_WINDOW);

        start("run-4", "paper-review");
        succeed("run-4", "extract", 1, T0);

        start("run-5", "paper-review");
        runView.apply(new StepSucceeded("run-5", "extract", 0, Map.of(), List.of()), 1, IN_WINDOW);

        start("run-6", "paper-review");
        runView.apply(new StepScheduled("run-6", "extract", 1, "transform", Map.of()), 1, IN_WINDOW);

        start("run-7", "lab-check");
        succeed("run-7", "extract", 1, IN_WINDOW);
    }

    private void start(String runId, String workflow) {
        WorkflowDefinition definition = new WorkflowDefinition(workflow, Map.of(), List.of(
                StepDefinition.of("extract", "transform", List.of(), Map.of(), null),
                StepDefinition.of("review", "external", List.of("extract"), null, "Review it.")), null);
        runView.apply(new RunStarted(runId, workflow, 1, "sha256:" + "ab".repeat(32), definition, Map.of(), null, null),
                0, T0.minusSeconds(60));
    }

    private void succeed(String runId, String stepId, int attempt, Instant at) {
        runView.apply(new StepScheduled(runId, stepId, attempt, "transform", Map.of()), 1, at.minusSeconds(10));
        runView.apply(new StepSucceeded(runId, stepId, attempt, Map.of("pages", 12), List.of()), 2, at);
    }

    private void attest(String runId, String stepId, AttestationOutcome outcome, Instant at) {
        runView.apply(new StepScheduled(runId, stepId, 1, "external", Map.of()), 4, at.minusSeconds(10));
        runView.apply(new StepAwaitingAttestation(runId, stepId, 1, "Review it."), 5, at.minusSeconds(5));
        runView.apply(new StepAttested(runId, stepId, 1, outcome, null, List.of(), "bob", null), 6, at);
    }
}
