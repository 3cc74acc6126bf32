package io.reckoning.query.history;

import io.reckoning.eventstore.EventStoreTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A run's events exactly as the event store holds them: read straight from the store (not a read model), so the
 * history cannot lag behind or differ from the record.
 */
@Component
public class RunHistory {

    /** One stored event. */
    public record HistoryEvent(long sequence, String eventId, String type, int version, Instant timestamp,
                               JsonNode payload) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RunHistory(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<HistoryEvent> of(String runId) {
        return jdbc.query("select sequence_number, event_identifier, payload_type, payload_revision, time_stamp, payload"
                        + " from " + EventStoreTables.EVENT_TABLE + " where aggregate_identifier = ? order by sequence_number",
                (rs, i) -> new HistoryEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? 1 : Integer.parseInt(rs.getString(4)), Instant.parse(rs.getString(5)),
                        json.readTree(new String(rs.getBytes(6), StandardCharsets.UTF_8))),
                runId);
    }
}
