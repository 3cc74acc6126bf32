package io.reckoning.query.activity;

import io.reckoning.query.readmodel.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads the activity feed. */
@Component
public class ActivityQueries {

    private static final String COLUMNS = "position, kind, run_id, step_id, workflow, summary, principal, occurred_at";
    private static final RowMapper<Activity> ROW = (rs, i) -> new Activity(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            Rows.instant(rs.getTimestamp(8)));

    private final JdbcTemplate jdbc;

    ActivityQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} entries older than position {@code before} (all when null), newest first. */
    public List<Activity> newest(Long before, int limit) {
        return before == null
                ? jdbc.query("select " + COLUMNS + " from query.activity order by position desc limit ?", ROW, limit)
                : jdbc.query("select " + COLUMNS + " from query.activity where position < ? order by position desc limit ?",
                ROW, before, limit);
    }

    /** Up to {@code limit} entries newer than position {@code after}, oldest first: what a reconnecting client missed. */
    public List<Activity> after(long after, int limit) {
        return jdbc.query("select " + COLUMNS + " from query.activity where position > ? order by position limit ?",
                ROW, after, limit);
    }
}
