package io.reckoning.query.workflowversion;

import io.reckoning.query.readmodel.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of workflow-version: every workflow with its latest version, the versions of one, one version. */
@Component
public class WorkflowVersionQueries {

    /** A workflow by its latest version; {@code versions} counts every version registered. */
    public record Workflow(String name, int latestVersion, String digest, Instant registeredAt, int versions) {
    }

    /** One version without its definition. */
    public record Version(int version, String digest, Instant registeredAt) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    WorkflowVersionQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every registered workflow by name, each with its latest version. */
    public List<Workflow> workflows() {
        return jdbc.query("""
                select distinct on (name) name, version, digest, registered_at,
                       count(*) over (partition by name) as versions
                from query.workflow_version order by name, version desc""",
                (rs, i) -> new Workflow(rs.getString(1), rs.getInt(2), rs.getString(3),
                        Rows.instant(rs.getTimestamp(4)), rs.getInt(5)));
    }

    /** The versions of one workflow, newest first; empty when none is registered under that name. */
    public List<Version> versions(String name) {
        return jdbc.query("""
                select version, digest, registered_at from query.workflow_version where name = ?
                order by version desc""",
                (rs, i) -> new Version(rs.getInt(1), rs.getString(2), Rows.instant(rs.getTimestamp(3))), name);
    }

    public Optional<WorkflowVersion> find(String name, int version) {
        return jdbc.query("""
                select name, version, digest, registered_at, definition::text from query.workflow_version
                where name = ? and version = ?""",
                (rs, i) -> new WorkflowVersion(rs.getString(1), rs.getInt(2), rs.getString(3),
                        Rows.instant(rs.getTimestamp(4)), Rows.tree(json, rs.getString(5))), name, version)
                .stream().findFirst();
    }
}
