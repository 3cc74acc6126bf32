package io.reckoning.query.runsummary;

import io.reckoning.events.RunFailed;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepError;
import io.reckoning.query.readmodel.ReadModelDatabase;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** run-summary's handlers called directly, against a real PostgreSQL database. */
class RunSummaryProjectionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WorkflowDefinition DEFINITION = new WorkflowDefinition("paper-review",
            Map.of("paper_url", new InputDeclaration("string", true)), List.of(
            StepDefinition.of("extract", "transform", List.of(), Map.of("url", "{{ inputs.paper_url }}"), null),
            StepDefinition.of("simulate", "external", List.of("extract"), null, "Run the simulation."),
            StepDefinition.of("review", "external", List.of("extract"), null, "Review the paper.")));
    private static final Instant STARTED_AT = Instant.parse("2030-01-02T03:04:05.123456Z");
    private static final Instant WAITING_AT = STARTED_AT.plusSeconds(60);
    private static final Instant RESUMED_AT = STARTED_AT.plusSeconds(3600);
    private static final Instant ENDED_AT = STARTED_AT.plusSeconds(7200);

    private static ReadModelDatabase database;

    private RunSummaryProjection projection;
    private RunSummaryQueries queries;
    private String runId;

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
        projection = new RunSummaryProjection(database.jdbc(), JSON);
        queries = new RunSummaryQueries(database.jdbc(), JSON);
        runId = UUID.randomUUID().toString();
    }

    @Test
    void shouldAddARunningRowWhenARunStarts() {
        projection.on(started(), 0, STARTED_AT);

        RunSummary run = queries.find(runId).orElseThrow();
        assertThat(run.runId()).isEqualTo(runId);
        assertThat(run.workflow()).isEqualTo("paper-review");
        assertThat(run.version()).isEqualTo(3);
        assertThat(run.digest()).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(run.status()).isEqualTo("RUNNING");
        assertThat(run.inputs()).isEqualTo(json("{\"paper_url\": \"https://example.org/paper.pdf\"}"));
        assertThat(run.idempotencyKey()).isEqualTo("key-1");
        assertThat(run.startedAt()).isEqualTo(STARTED_AT);
        assertThat(run.updatedAt()).isEqualTo(STARTED_AT);
        assertThat(run.waitingSteps()).isNull();
        assertThat(run.endedAt()).isNull();
        assertThat(lastSequence()).isZero();
    }

    @Test
    void shouldShowAWaitingRunWithItsWaitingSteps() {
        projection.on(started(), 0, STARTED_AT);
        projection.on(new RunWaiting(runId, List.of("simulate", "review")), 7, WAITING_AT);

        RunSummary run = queries.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("WAITING");
        assertThat(run.waitingSteps()).isEqualTo(json("[\"simulate\", \"review\"]"));
        assertThat(run.updatedAt()).isEqualTo(WAITING_AT);
        assertThat(run.endedAt()).isNull();
        assertThat(lastSequence()).isEqualTo(7);
    }

    @Test
    void shouldClearTheWaitingStepsWhenTheRunResumes() {
        projection.on(started(), 0, STARTED_AT);
        projection.on(new RunWaiting(runId, List.of("simulate")), 7, WAITING_AT);
        projection.on(new RunResumed(runId, "simulate"), 9, RESUMED_AT);

        RunSummary run = queries.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("RUNNING");
        assertThat(run.waitingSteps()).isNull();
        assertThat(run.updatedAt()).isEqualTo(RESUMED_AT);
    }

    @Test
    void shouldNotMoveARowBackWhenOlderEventsAreReplayed() {
        RunStarted started = started();
        RunWaiting waiting = new RunWaiting(runId, List.of("simulate"));
        RunResumed resumed = new RunResumed(runId, "simulate");
        projection.on(started, 0, STARTED_AT);
        projection.on(waiting, 7, WAITING_AT);
        projection.on(resumed, 9, RESUMED_AT);
        RunSummary before = queries.find(runId).orElseThrow();

        projection.on(started, 0, STARTED_AT);
        projection.on(waiting, 7, WAITING_AT);
        projection.on(resumed, 9, ENDED_AT);

        RunSummary after = queries.find(runId).orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThat(after.status()).isEqualTo("RUNNING");
        assertThat(after.updatedAt()).isEqualTo(RESUMED_AT);
        assertThat(lastSequence()).isEqualTo(9);
    }

    @Test
    void shouldShowAFailedRunWithTheStepThatFailedAndWhy() {
        projection.on(started(), 0, STARTED_AT);
        projection.on(new RunWaiting(runId, List.of("simulate")), 7, WAITING_AT);
        projection.on(new RunFailed(runId, "simulate",
                new StepError("attested_failed", "Step 'simulate' was attested FAILED: Diverged.")), 10, ENDED_AT);

        RunSummary run = queries.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.failedStep()).isEqualTo("simulate");
        assertThat(run.error()).isEqualTo(json(
                "{\"code\": \"attested_failed\", \"message\": \"Step 'simulate' was attested FAILED: Diverged.\"}"));
        assertThat(run.waitingSteps()).isNull();
        assertThat(run.endedAt()).isEqualTo(ENDED_AT);
        assertThat(run.updatedAt()).isEqualTo(ENDED_AT);
    }

    @Test
    void shouldShowASucceededRunAsEnded() {
        projection.on(started(), 0, STARTED_AT);
        projection.on(new RunSucceeded(runId), 12, ENDED_AT);

        RunSummary run = queries.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(run.endedAt()).isEqualTo(ENDED_AT);
        assertThat(run.failedStep()).isNull();
        assertThat(run.error()).isNull();
    }

    @Test
    void shouldChangeOnlyTheRunAnEventBelongsTo() {
        String otherRun = UUID.randomUUID().toString();
        projection.on(started(), 0, STARTED_AT);
        projection.on(new RunStarted(otherRun, "paper-review", 3, "sha256:" + "ab".repeat(32), DEFINITION,
                Map.of(), null, null), 0, STARTED_AT);

        projection.on(new RunSucceeded(runId), 12, ENDED_AT);

        assertThat(queries.find(runId).orElseThrow().status()).isEqualTo("SUCCEEDED");
        assertThat(queries.find(otherRun).orElseThrow().status()).isEqualTo("RUNNING");
    }

    private RunStarted started() {
        return new RunStarted(runId, "paper-review", 3, "sha256:" + "ab".repeat(32), DEFINITION,
                Map.of("paper_url", "https://example.org/paper.pdf"), "key-1", null);
    }

    private long lastSequence() {
        JdbcTemplate jdbc = database.jdbc();
        return jdbc.queryForObject("select last_sequence from query.run_summary where run_id = ?", Long.class, runId);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
