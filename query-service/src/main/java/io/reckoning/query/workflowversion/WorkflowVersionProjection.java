package io.reckoning.query.workflowversion;

import io.reckoning.events.WorkflowRegistered;
import io.reckoning.query.readmodel.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * Read model workflow-version: one row per registered version, in table {@code query.workflow_version}. A version
 * never changes, so its row is inserted once; replaying its event inserts nothing.
 */
@Component
@ProcessingGroup(WorkflowVersionProjection.GROUP)
public class WorkflowVersionProjection {

    public static final String GROUP = "workflow-version";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    WorkflowVersionProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(WorkflowRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into query.workflow_version (name, version, digest, definition, registered_at, last_sequence)
                values (?, ?, ?, ?::json, ?, ?) on conflict (name, version) do nothing""",
                event.name(), event.version(), event.digest(), json.writeValueAsString(event.definition()),
                Rows.time(at), sequence);
    }
}
