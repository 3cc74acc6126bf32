package io.reckoning.query.artifact;

import io.reckoning.query.readmodel.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads of artifact: a run's artifacts, and every use of one artifact by its sha256. */
@Component
public class ArtifactQueries {

    private static final String COLUMNS = "run_id, step_id, attempt, direction, name, uri, sha256, size_bytes, "
            + "media_type, recorded_by, recorded_at";
    private static final RowMapper<ArtifactRecord> MAPPER = (rs, i) -> new ArtifactRecord(rs.getString(1),
            rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getObject(8) == null ? null : rs.getLong(8), rs.getString(9), rs.getString(10),
            Rows.instant(rs.getTimestamp(11)));

    private final JdbcTemplate jdbc;

    ArtifactQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's artifacts, in the order they were recorded. */
    public List<ArtifactRecord> ofRun(String runId) {
        return jdbc.query("select " + COLUMNS + " from query.artifact where run_id = ?"
                + " order by last_sequence, step_id, direction, name", MAPPER, runId);
    }

    /** Every run and step that produced or consumed the artifact with this (lowercase) sha256, oldest first. */
    public List<ArtifactRecord> bySha256(String sha256) {
        return jdbc.query("select " + COLUMNS + " from query.artifact where sha256 = ?"
                + " order by recorded_at, run_id, step_id, attempt, direction, name", MAPPER, sha256);
    }
}
