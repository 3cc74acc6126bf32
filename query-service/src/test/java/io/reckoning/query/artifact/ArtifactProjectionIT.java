package io.reckoning.query.artifact;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSucceeded;
import io.reckoning.query.readmodel.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * artifact's handlers called directly, against a real PostgreSQL database. Rows cannot be deleted, so every test
 * works on runs of its own.
 */
class ArtifactProjectionIT {

    private static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");
    private static final String RESULT_SHA = "0f".repeat(32);
    private static final String PAPER_SHA = "ab".repeat(32);
    private static final Artifact RESULT_FILE = new Artifact("result.h5", "s3://lab/result.h5", RESULT_SHA, 1024,
            "application/x-hdf5");
    private static final Artifact PLOT = new Artifact("plot.png", "s3://lab/plot.png", "1e".repeat(32), 2048,
            "image/png");

    private static ReadModelDatabase database;

    private ArtifactProjection projection;
    private ArtifactQueries queries;
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
        projection = new ArtifactProjection(database.jdbc());
        queries = new ArtifactQueries(database.jdbc());
        runId = UUID.randomUUID().toString();
    }

    @Test
    void shouldRecordTheArtifactsOfAnExecutorResultAsProducedByTheExecutor() {
        projection.on(new StepSucceeded(runId, "simulate", 2, Map.of(), List.of(RESULT_FILE, PLOT)), 3, T0);

        assertThat(queries.ofRun(runId)).containsExactlyInAnyOrder(
                new ArtifactRecord(runId, "simulate", 2, "produced", "result.h5", "s3://lab/result.h5", RESULT_SHA,
                        1024L, "application/x-hdf5", "executor", T0),
                new ArtifactRecord(runId, "simulate", 2, "produced", "plot.png", "s3://lab/plot.png", "1e".repeat(32),
                        2048L, "image/png", "executor", T0));
    }

    @Test
    void shouldRecordTheArtifactsOfAnAttestationAsProducedByItsPrincipal() {
        projection.on(new StepAttested(runId, "review", 1, AttestationOutcome.SUCCEEDED, null, List.of(RESULT_FILE),
                "alice", "Looks right."), 5, T0);

        assertThat(queries.ofRun(runId)).singleElement().satisfies(artifact -> {
            assertThat(artifact.direction()).isEqualTo("produced");
            assertThat(artifact.recordedBy()).isEqualTo("alice");
            assertThat(artifact.sha256()).isEqualTo(RESULT_SHA);
        });
    }

    @Test
    void shouldRecordTheArtifactsReferencedAnywhereInAStepInputAsConsumed() {
        projection.on(new StepScheduled(runId, "report", 1, "transform", Map.of(
                "paper", Map.of("uri", "s3://lab/paper.pdf", "sha256", PAPER_SHA.toUpperCase()),
                "results", List.of(Map.of("name", "result.h5", "uri", "s3://lab/result.h5", "sha256", RESULT_SHA,
                        "sizeBytes", 1024, "mediaType", "application/x-hdf5")),
                "notAnArtifact", Map.of("uri", "s3://lab/x", "sha256", "abc"),
                "noUri", Map.of("sha256", RESULT_SHA))), 4, T0);

        assertThat(queries.ofRun(runId)).containsExactlyInAnyOrder(
                new ArtifactRecord(runId, "report", 1, "consumed", "s3://lab/paper.pdf", "s3://lab/paper.pdf",
                        PAPER_SHA, null, null, "engine", T0),
                new ArtifactRecord(runId, "report", 1, "consumed", "result.h5", "s3://lab/result.h5", RESULT_SHA,
                        1024L, "application/x-hdf5", "engine", T0));
    }

    @Test
    void shouldRecordNothingForAStepInputWithoutArtifacts() {
        projection.on(new StepScheduled(runId, "extract", 1, "transform", Map.of("url", "https://example.org")), 1, T0);

        assertThat(queries.ofRun(runId)).isEmpty();
    }

    @Test
    void shouldAnswerEveryRunAndStepThatProducedOrConsumedAnArtifact() {
        String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
        Artifact artifact = new Artifact("data.csv", "s3://lab/data.csv", sha, 10, "text/csv");
        String otherRun = UUID.randomUUID().toString();
        projection.on(new StepSucceeded(runId, "extract", 1, null, List.of(artifact)), 2, T0);
        projection.on(new StepScheduled(runId, "report", 1, "transform",
                Map.of("data", Map.of("name", "data.csv", "uri", "s3://lab/data.csv", "sha256", sha))), 3,
                T0.plusSeconds(1));
        projection.on(new StepScheduled(otherRun, "report", 1, "transform",
                Map.of("data", Map.of("name", "data.csv", "uri", "s3://lab/data.csv", "sha256", sha))), 1,
                T0.plusSeconds(2));

        assertThat(queries.bySha256(sha)).extracting(ArtifactRecord::runId, ArtifactRecord::stepId,
                ArtifactRecord::direction).containsExactly(
                tuple(runId, "extract", "produced"),
                tuple(runId, "report", "consumed"),
                tuple(otherRun, "report", "consumed"));
        assertThat(queries.bySha256("ee".repeat(32))).isEmpty();
    }

    @Test
    void shouldInsertNothingTwiceWhenTheSameEventsAreReplayed() {
        List<Runnable> history = List.of(
                () -> projection.on(new StepScheduled(runId, "report", 1, "transform",
                        Map.of("in", Map.of("uri", "s3://lab/paper.pdf", "sha256", PAPER_SHA))), 1, T0),
                () -> projection.on(new StepSucceeded(runId, "report", 1, null, List.of(RESULT_FILE, PLOT)), 2, T0),
                () -> projection.on(new StepAttested(runId, "review", 1, AttestationOutcome.SUCCEEDED, null,
                        List.of(RESULT_FILE), "alice", null), 3, T0));
        history.forEach(Runnable::run);
        List<ArtifactRecord> once = queries.ofRun(runId);
        assertThat(once).hasSize(4);

        history.forEach(Runnable::run);

        assertThat(queries.ofRun(runId)).isEqualTo(once);
    }

    @Test
    void shouldRefuseToDeleteUpdateOrTruncateArtifacts() {
        projection.on(new StepSucceeded(runId, "extract", 1, null, List.of(RESULT_FILE)), 2, T0);

        assertThatThrownBy(() -> database.jdbc().update("delete from query.artifact where run_id = ?", runId))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause()
                .hasMessageContaining("artifacts are never deleted");
        assertThatThrownBy(() -> database.jdbc().update(
                "update query.artifact set uri = 's3://elsewhere' where run_id = ?", runId))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause()
                .hasMessageContaining("artifacts are never deleted");
        assertThatThrownBy(() -> database.jdbc().execute("truncate query.artifact"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause()
                .hasMessageContaining("artifacts are never deleted");
        assertThat(queries.ofRun(runId)).hasSize(1)
                .singleElement().extracting(ArtifactRecord::uri).isEqualTo("s3://lab/result.h5");
    }
}
