package io.reckoning.command.workflow;

import io.reckoning.events.WorkflowRegistered;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The registered versions command-service starts runs from. Its processing group is subscribing, so a version is
 * written in the same transaction as its {@link WorkflowRegistered} and can be used as soon as registration
 * answers.
 */
@Component
@ProcessingGroup(WorkflowCatalog.GROUP)
public class WorkflowCatalog {

    public static final String GROUP = "workflow-catalog";

    /** One registered version. */
    public record Entry(String name, int version, String digest, WorkflowDefinition definition) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    WorkflowCatalog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(WorkflowRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                insert into command.workflow_definition (name, version, digest, definition, registered_at)
                values (?, ?, ?, ?::jsonb, ?) on conflict do nothing""",
                event.name(), event.version(), event.digest(), json.writeValueAsString(event.definition()),
                Timestamp.from(at));
    }

    /** The given version, or the latest when {@code version} is null. */
    public Optional<Entry> find(String name, Integer version) {
        String sql = "select name, version, digest, definition from command.workflow_definition where name = ? "
                + (version == null ? "order by version desc limit 1" : "and version = ?");
        Object[] args = version == null ? new Object[]{name} : new Object[]{name, version};
        return jdbc.query(sql, (rs, i) -> new Entry(rs.getString("name"), rs.getInt("version"), rs.getString("digest"),
                json.readValue(rs.getString("definition"), WorkflowDefinition.class)), args).stream().findFirst();
    }
}
