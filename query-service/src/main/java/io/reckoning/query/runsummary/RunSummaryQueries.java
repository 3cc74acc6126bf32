package io.reckoning.query.runsummary;

import io.reckoning.query.readmodel.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of run-summary: one run, or a page of runs newest first with keyset paging. */
@Component
public class RunSummaryQueries {

    /** Where the next page starts: after the run with this start time and id. */
    public record Position(Instant startedAt, String runId) {
    }

    private static final String COLUMNS = "run_id, workflow, version, digest, status, inputs::text, idempotency_key, "
            + "waiting_steps::text, failed_step, error::text, started_at, updated_at, ended_at, rerun_of, cancel_reason";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<RunSummary> mapper = this::map;

    RunSummaryQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<RunSummary> find(String runId) {
        return jdbc.query("select " + COLUMNS + " from query.run_summary where run_id = ?", mapper, runId).stream()
                .findFirst();
    }

    public List<RunSummary> page(String status, String workflow, Position after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from query.run_summary where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (workflow != null) {
            sql.append(" and workflow = ?");
            args.add(workflow);
        }
        if (after != null) {
            sql.append(" and (started_at, run_id) < (?, ?)");
            args.add(Rows.time(after.startedAt()));
            args.add(after.runId());
        }
        sql.append(" order by started_at desc, run_id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), mapper, args.toArray());
    }

    private RunSummary map(ResultSet rs, int row) throws SQLException {
        return new RunSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                Rows.tree(json, rs.getString(6)), rs.getString(7), Rows.tree(json, rs.getString(8)), rs.getString(9), Rows.tree(json, rs.getString(10)),
                Rows.instant(rs.getTimestamp(11)), Rows.instant(rs.getTimestamp(12)), Rows.instant(rs.getTimestamp(13)),
                rs.getString(14), rs.getString(15));
    }
}
