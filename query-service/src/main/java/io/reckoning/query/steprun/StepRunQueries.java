package io.reckoning.query.steprun;

import io.reckoning.query.readmodel.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

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
                       error::text, attestation::text, scheduled_at, started_at, ended_at, retry_at, corrections::text,
                       attestors::text
                from query.step_run where run_id = ? order by position""",
                (rs, i) -> new StepRun(rs.getString(1), rs.getString(2), Rows.tree(json, rs.getString(3)), rs.getString(4),
                        rs.getInt(5), Rows.tree(json, rs.getString(6)), Rows.tree(json, rs.getString(7)), Rows.tree(json, rs.getString(8)),
                        Rows.tree(json, rs.getString(9)), Rows.tree(json, rs.getString(10)), Rows.instant(rs.getTimestamp(11)),
                        Rows.instant(rs.getTimestamp(12)), Rows.instant(rs.getTimestamp(13)),
                        Rows.instant(rs.getTimestamp(14)), Rows.tree(json, rs.getString(15)),
                        Rows.tree(json, rs.getString(16))), runId);
    }
}
