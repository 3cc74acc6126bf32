package io.reckoning.query.workflowversion;

import io.reckoning.events.WorkflowRegistered;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.query.readmodel.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * Read model workflow-version: one row per registered version, in table {@code query.workflow_version}. A version
 * never changes, so its row is inserted once; replaying its event inserts nothing.
 */
@Component
@ProcessingGroup(WorkflowVersionProjection.GROUP)
public class WorkflowVersionProjection implements Projection {

    public static final String GROUP = "workflow-version";
    static final String TABLE = "workflow_version";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;

    @Autowired
    WorkflowVersionProjection(JdbcTemplate jdbc, JsonMapper json) {
        this(jdbc, json, LIVE_SCHEMA);
    }

    private WorkflowVersionProjection(JdbcTemplate jdbc, JsonMapper json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = schema + "." + TABLE;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public WorkflowVersionProjection writingTo(String schema) {
        return new WorkflowVersionProjection(jdbc, json, schema);
    }

    @EventHandler
    void on(WorkflowRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into %s (name, version, digest, definition, registered_at, last_sequence)
                values (?, ?, ?, ?::json, ?, ?) on conflict (name, version) do nothing""".formatted(table),
                event.name(), event.version(), event.digest(), json.writeValueAsString(event.definition()),
                Rows.time(at), sequence);
    }
}
