package io.reckoning.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How every read-model row is read and moves forward: only for an event later in the run's stream than the last one
 * applied, so replaying events (after a crash, or from position zero) changes nothing twice.
 */
public final class Rows {

    private Rows() {
    }

    public static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A JSON column read as text, as a tree for the API; null stays null. */
    public static JsonNode tree(JsonMapper json, String text) {
        return text == null ? null : json.readTree(text);
    }

    /** Applies {@code assignments} to the row(s) matching {@code where} unless they already saw {@code sequence}. */
    public static void advance(JdbcTemplate jdbc, String table, String where, Object[] keys, long sequence,
                               Instant at, String assignments, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(time(at));
        args.add(sequence);
        args.addAll(Arrays.asList(keys));
        args.add(sequence);
        jdbc.update("update " + table + " set " + assignments + ", updated_at = ?, last_sequence = ? where " + where
                + " and last_sequence < ?", args.toArray());
    }
}
