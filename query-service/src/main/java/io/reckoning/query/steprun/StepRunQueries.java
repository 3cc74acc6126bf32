package io.reckoning.query.steprun;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads of step-run. */
@Component
public class StepRunQueries {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    StepRunQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The run's steps in definition order. */
    public List<StepRun> ofRun(String runId) {
        return jdbc.query("""
                select step_id, type, needs::text, status, attempt, input::text, output::text, artifacts::text,
                       error::text, attestation::text, scheduled_at, started_at, ended_at
                from query.step_run where run_id = ? order by position""",
                (rs, i) -> new StepRun(rs.getString(1), rs.getString(2), tree(rs.getString(3)), rs.getString(4),
                        rs.getInt(5), tree(rs.getString(6)), tree(rs.getString(7)), tree(rs.getString(8)),
                        tree(rs.getString(9)), tree(rs.getString(10)), instant(rs.getTimestamp(11)),
                        instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13))), runId);
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
