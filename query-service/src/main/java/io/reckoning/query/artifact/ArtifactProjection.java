package io.reckoning.query.artifact;

import io.reckoning.events.Artifact;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSucceeded;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.query.readmodel.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Read model artifact: one row per artifact a step attempt produced or consumed, in table {@code query.artifact}.
 * Rows are only inserted, keyed by (run, step, attempt, direction, sha256, name), so a replayed event inserts
 * nothing; the database refuses to update or delete them.
 */
@Component
@ProcessingGroup(ArtifactProjection.GROUP)
public class ArtifactProjection implements Projection {

    public static final String GROUP = "artifact";
    /** Who recorded the artifacts of an executor's result. */
    static final String EXECUTOR = "executor";
    /** Who recorded the artifacts found in a step's resolved input. */
    static final String ENGINE = "engine";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    static final String TABLE = "artifact";

    private final JdbcTemplate jdbc;
    private final String table;

    @Autowired
    ArtifactProjection(JdbcTemplate jdbc) {
        this(jdbc, LIVE_SCHEMA);
    }

    private ArtifactProjection(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = schema + "." + TABLE;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public ArtifactProjection writingTo(String schema) {
        return new ArtifactProjection(jdbc, schema);
    }

    @EventHandler
    void on(StepSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.runId(), event.stepId(), event.attempt(), ArtifactRecord.PRODUCED, event.artifacts(), EXECUTOR,
                sequence, at);
    }

    @EventHandler
    void on(StepAttested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.runId(), event.stepId(), event.attempt(), ArtifactRecord.PRODUCED, event.artifacts(),
                event.principal(), sequence, at);
    }

    /** The input as resolved for the executor: every object in it with a {@code uri} and a sha256 is consumed. */
    @EventHandler
    void on(StepScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<Artifact> consumed = new ArrayList<>();
        collect(event.input(), consumed);
        insert(event.runId(), event.stepId(), event.attempt(), ArtifactRecord.CONSUMED, consumed, ENGINE, sequence, at);
    }

    /** The artifact references anywhere in {@code value}: objects with a string {@code uri} and a 64-hex sha256. */
    static void collect(Object value, List<Artifact> found) {
        if (value instanceof Map<?, ?> object) {
            if (object.get("uri") instanceof String uri && object.get("sha256") instanceof String sha256
                    && SHA256.matcher(sha256).matches()) {
                String name = object.get("name") instanceof String given && !given.isBlank() ? given : uri;
                Long size = object.get("sizeBytes") instanceof Number number ? number.longValue() : null;
                String mediaType = object.get("mediaType") instanceof String type ? type : null;
                found.add(new Artifact(name, uri, sha256.toLowerCase(Locale.ROOT), size == null ? -1 : size, mediaType));
            }
            object.values().forEach(nested -> collect(nested, found));
        } else if (value instanceof Iterable<?> array) {
            array.forEach(nested -> collect(nested, found));
        }
    }

    private void insert(String runId, String stepId, int attempt, String direction, List<Artifact> artifacts,
                        String recordedBy, long sequence, Instant at) {
        if (artifacts.isEmpty()) {
            return;
        }
        List<Object[]> rows = artifacts.stream().map(artifact -> new Object[]{runId, stepId, attempt, direction,
                artifact.sha256().toLowerCase(Locale.ROOT), artifact.name(), artifact.uri(),
                artifact.sizeBytes() < 0 ? null : artifact.sizeBytes(), artifact.mediaType(), recordedBy,
                Rows.time(at), sequence}).toList();
        jdbc.batchUpdate("""
                insert into %s (run_id, step_id, attempt, direction, sha256, name, uri, size_bytes,
                    media_type, recorded_by, recorded_at, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""".formatted(table), rows);
    }
}
