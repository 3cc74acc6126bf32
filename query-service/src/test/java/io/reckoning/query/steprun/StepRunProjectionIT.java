package io.reckoning.query.steprun;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunStarted;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepError;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepSucceeded;
import io.reckoning.query.readmodel.ReadModelDatabase;
import io.reckoning.query.readmodel.Rows;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** step-run's handlers called directly, against a real PostgreSQL database. */
class StepRunProjectionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Ids deliberately not in alphabetical order: rows follow the definition. */
    private static final WorkflowDefinition DEFINITION = new WorkflowDefinition("paper-review", Map.of(), List.of(
            StepDefinition.of("extract", "transform", List.of(), Map.of("url", "{{ inputs.paper_url }}"), null),
            new StepDefinition("simulate", "external", List.of("extract"), null, "Run the simulation.", null, null,
                    null, null, null, List.of("alice", "role:lab"), null),
            StepDefinition.of("report", "transform", List.of("simulate"), Map.of("ok", true), null),
            StepDefinition.of("archive", "transform", List.of("extract", "report"), Map.of("done", true), null)));
    private static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");
    private static final Artifact RESULT_FILE = new Artifact("result.h5", "s3://lab/result.h5", "0f".repeat(32), 1024,
            "application/x-hdf5");

    private static ReadModelDatabase database;

    private StepRunProjection projection;
    private StepRunQueries queries;
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
        projection = new StepRunProjection(database.jdbc(), JSON);
        queries = new StepRunQueries(database.jdbc(), JSON);
        runId = UUID.randomUUID().toString();
    }

    @Test
    void shouldAddAPendingRowPerStepInDefinitionOrderWhenARunStarts() {
        projection.on(started(), 0, T0);

        List<StepRun> steps = queries.ofRun(runId);
        assertThat(steps).extracting(StepRun::stepId).containsExactly("extract", "simulate", "report", "archive");
        assertThat(steps).extracting(StepRun::type).containsExactly("transform", "external", "transform", "transform");
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.status()).isEqualTo("PENDING");
            assertThat(step.attempt()).isZero();
            assertThat(step.input()).isNull();
            assertThat(step.output()).isNull();
            assertThat(step.artifacts()).isEqualTo(json("[]"));
            assertThat(step.scheduledAt()).isNull();
        });
        assertThat(steps.get(0).needs()).isEqualTo(json("[]"));
        assertThat(steps.get(3).needs()).isEqualTo(json("[\"extract\", \"report\"]"));
    }

    @Test
    void shouldFollowAStepFromScheduledThroughRunningToSucceeded() {
        projection.on(started(), 0, T0);

        projection.on(new StepScheduled(runId, "extract", 1, "transform",
                Map.of("output", Map.of("url", "https://example.org/paper.pdf"))), 1, T0.plusSeconds(1));
        StepRun scheduled = step("extract");
        assertThat(scheduled.status()).isEqualTo("SCHEDULED");
        assertThat(scheduled.attempt()).isEqualTo(1);
        assertThat(scheduled.input()).isEqualTo(json("{\"output\": {\"url\": \"https://example.org/paper.pdf\"}}"));
        assertThat(scheduled.scheduledAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(scheduled.startedAt()).isNull();

        projection.on(new StepStarted(runId, "extract", 1), 2, T0.plusSeconds(2));
        StepRun running = step("extract");
        assertThat(running.status()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(running.endedAt()).isNull();

        projection.on(new StepSucceeded(runId, "extract", 1, Map.of("url", "https://example.org/paper.pdf"),
                List.of(RESULT_FILE)), 3, T0.plusSeconds(3));
        StepRun succeeded = step("extract");
        assertThat(succeeded.status()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.output()).isEqualTo(json("{\"url\": \"https://example.org/paper.pdf\"}"));
        assertThat(succeeded.artifacts()).isEqualTo(json("""
                [{"name": "result.h5", "uri": "s3://lab/result.h5", "sha256": "%s", "sizeBytes": 1024,
                  "mediaType": "application/x-hdf5"}]""".formatted("0f".repeat(32))));
        assertThat(succeeded.endedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(succeeded.scheduledAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(succeeded.startedAt()).isEqualTo(T0.plusSeconds(2));

        assertThat(step("simulate").status()).isEqualTo("PENDING");
    }

    @Test
    void shouldStoreTheAttestationOfAWaitingStep() {
        projection.on(started(), 0, T0);
        projection.on(new StepScheduled(runId, "simulate", 1, "external",
                Map.of("instructions", "Run the simulation.")), 4, T0.plusSeconds(4));
        projection.on(new StepAwaitingAttestation(runId, "simulate", 1, "Run the simulation."), 5, T0.plusSeconds(5));

        StepRun waiting = step("simulate");
        assertThat(waiting.status()).isEqualTo("WAITING");
        assertThat(waiting.startedAt()).isEqualTo(T0.plusSeconds(5));

        Instant attestedAt = T0.plusSeconds(3600);
        projection.on(new StepAttested(runId, "simulate", 1, AttestationOutcome.SUCCEEDED, Map.of("result", "pass"),
                List.of(RESULT_FILE), "alice", "Matches the reference."), 6, attestedAt);

        StepRun attested = step("simulate");
        assertThat(attested.status()).isEqualTo("SUCCEEDED");
        assertThat(attested.output()).isEqualTo(json("{\"result\": \"pass\"}"));
        assertThat(attested.artifacts()).hasSize(1);
        assertThat(attested.artifacts().get(0).get("sha256").asString()).isEqualTo("0f".repeat(32));
        assertThat(attested.attestation()).isEqualTo(json("""
                {"outcome": "SUCCEEDED", "principal": "alice", "note": "Matches the reference.",
                 "attestedAt": "%s"}""".formatted(attestedAt)));
        assertThat(attested.endedAt()).isEqualTo(attestedAt);
    }

    @Test
    void shouldShowAStepAttestedFailedAsFailed() {
        projection.on(started(), 0, T0);
        projection.on(new StepScheduled(runId, "simulate", 1, "external", Map.of()), 4, T0);
        projection.on(new StepAwaitingAttestation(runId, "simulate", 1, "Run the simulation."), 5, T0);
        projection.on(new StepAttested(runId, "simulate", 1, AttestationOutcome.FAILED, null, List.of(), "bob",
                "Diverged."), 6, T0.plusSeconds(60));

        StepRun attested = step("simulate");
        assertThat(attested.status()).isEqualTo("FAILED");
        assertThat(attested.attestation().get("outcome").asString()).isEqualTo("FAILED");
        assertThat(attested.attestation().get("principal").asString()).isEqualTo("bob");
        assertThat(attested.attestation().get("note").asString()).isEqualTo("Diverged.");
    }

    @Test
    void shouldKeepTheAttestorsOfTheDefinitionAndWhenAStepStartedWaiting() {
        projection.on(started(), 0, T0);
        assertThat(step("simulate").attestors()).isEqualTo(json("[\"alice\", \"role:lab\"]"));
        assertThat(step("extract").attestors()).isEqualTo(json("[]"));

        projection.on(new StepScheduled(runId, "simulate", 1, "external", Map.of()), 4, T0.plusSeconds(4));
        projection.on(new StepAwaitingAttestation(runId, "simulate", 1, "Run the simulation."), 5, T0.plusSeconds(5));
        assertThat(waitingSince("simulate")).isEqualTo(T0.plusSeconds(5));

        projection.on(new StepScheduled(runId, "simulate", 2, "external", Map.of()), 6, T0.plusSeconds(6));
        assertThat(waitingSince("simulate")).as("a new attempt does not wait yet").isNull();
    }

    @Test
    void shouldShowTheCorrectedOutputAndKeepEveryCorrection() {
        projection.on(started(), 0, T0);
        projection.on(new StepScheduled(runId, "extract", 1, "transform", Map.of()), 1, T0);
        projection.on(new StepSucceeded(runId, "extract", 1, Map.of("pages", 12), List.of()), 2, T0.plusSeconds(2));
        assertThat(step("extract").corrections()).isEqualTo(json("[]"));

        Instant first = T0.plusSeconds(600);
        Instant second = T0.plusSeconds(1200);
        StepOutputCorrected correction = new StepOutputCorrected(runId, "extract", 1, Map.of("pages", 14),
                "The appendix was not counted.", "alice");
        projection.on(correction, 3, first);
        projection.on(new StepOutputCorrected(runId, "extract", 1, Map.of("pages", 15), "Cover page too.", "bob"), 4,
                second);
        projection.on(correction, 3, first);

        StepRun corrected = step("extract");
        assertThat(corrected.status()).isEqualTo("SUCCEEDED");
        assertThat(corrected.output()).isEqualTo(json("{\"pages\": 15}"));
        assertThat(corrected.corrections()).as("the replayed correction is not appended again").isEqualTo(json("""
                [{"output": {"pages": 14}, "reason": "The appendix was not counted.", "principal": "alice",
                  "correctedAt": "%s"},
                 {"output": {"pages": 15}, "reason": "Cover page too.", "principal": "bob", "correctedAt": "%s"}]"""
                .formatted(first, second)));
    }

    @Test
    void shouldRecordAFailedStepWithItsErrorAndTheStepsItSkipped() {
        projection.on(started(), 0, T0);
        projection.on(new StepScheduled(runId, "extract", 1, "transform", Map.of()), 1, T0);
        projection.on(new StepFailed(runId, "extract", 1, new StepError("template_unresolved", "No such input."),
                false), 2, T0.plusSeconds(2));
        projection.on(new StepSkipped(runId, "simulate", 0, "Run halted because step 'extract' failed."), 3,
                T0.plusSeconds(3));

        StepRun failed = step("extract");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo(json("{\"code\": \"template_unresolved\", \"message\": \"No such input.\"}"));
        assertThat(failed.endedAt()).isEqualTo(T0.plusSeconds(2));
        StepRun skipped = step("simulate");
        assertThat(skipped.status()).isEqualTo("SKIPPED");
        assertThat(skipped.endedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void shouldNotMoveAStepBackWhenAnOlderEventArrivesLate() {
        projection.on(started(), 0, T0);
        projection.on(new StepScheduled(runId, "extract", 1, "transform", Map.of()), 1, T0);
        projection.on(new StepSucceeded(runId, "extract", 1, "done", List.of()), 3, T0.plusSeconds(3));

        projection.on(new StepStarted(runId, "extract", 1), 2, T0.plusSeconds(2));

        StepRun extract = step("extract");
        assertThat(extract.status()).isEqualTo("SUCCEEDED");
        assertThat(extract.startedAt()).isNull();
    }

    @Test
    void shouldLeaveIdenticalRowsWhenTheSameEventsAreReplayed() {
        List<Runnable> history = List.of(
                () -> projection.on(started(), 0, T0),
                () -> projection.on(new StepScheduled(runId, "extract", 1, "transform", Map.of("output", "x")), 1,
                        T0.plusSeconds(1)),
                () -> projection.on(new StepStarted(runId, "extract", 1), 2, T0.plusSeconds(2)),
                () -> projection.on(new StepSucceeded(runId, "extract", 1, "x", List.of()), 3, T0.plusSeconds(3)),
                () -> projection.on(new StepScheduled(runId, "simulate", 1, "external", Map.of()), 4,
                        T0.plusSeconds(4)),
                () -> projection.on(new StepAwaitingAttestation(runId, "simulate", 1, "Run the simulation."), 5,
                        T0.plusSeconds(5)),
                () -> projection.on(new StepAttested(runId, "simulate", 1, AttestationOutcome.FAILED, null, List.of(),
                        "bob", "Diverged."), 6, T0.plusSeconds(6)),
                () -> projection.on(new StepSkipped(runId, "report", 0, "Run halted because step 'simulate' failed."),
                        7, T0.plusSeconds(7)),
                () -> projection.on(new StepSkipped(runId, "archive", 0, "Run halted because step 'simulate' failed."),
                        8, T0.plusSeconds(8)));
        history.forEach(Runnable::run);
        List<Map<String, Object>> once = rows();
        assertThat(once).extracting(row -> row.get("status"))
                .containsExactly("SUCCEEDED", "FAILED", "SKIPPED", "SKIPPED");

        for (int i = 0; i < history.size(); i++) {
            history.get(i).run();
            assertThat(rows()).as("rows after replaying event %d", i).isEqualTo(once);
        }
    }

    private RunStarted started() {
        return new RunStarted(runId, "paper-review", 1, "sha256:" + "ab".repeat(32), DEFINITION, Map.of(), null, null);
    }

    private Instant waitingSince(String stepId) {
        return Rows.instant(database.jdbc().queryForObject(
                "select waiting_since from query.step_run where run_id = ? and step_id = ?", Timestamp.class, runId,
                stepId));
    }

    private StepRun step(String stepId) {
        return queries.ofRun(runId).stream().filter(step -> step.stepId().equals(stepId)).findFirst().orElseThrow();
    }

    /** Every column of the run's rows, as PostgreSQL renders them. */
    private List<Map<String, Object>> rows() {
        return database.jdbc().queryForList("""
                select step_id, position, type, needs::text, status, attempt, input::text, output::text,
                       artifacts::text, error::text, attestation::text, scheduled_at, started_at, ended_at, updated_at,
                       last_sequence, corrections::text, attestors::text, waiting_since
                from query.step_run where run_id = ? order by position""", runId);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
