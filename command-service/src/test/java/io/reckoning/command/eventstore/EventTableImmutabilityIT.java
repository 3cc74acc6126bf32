package io.reckoning.command.eventstore;

import io.reckoning.testing.ReckoningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layers that keep the event table append-only, tried with plain SQL: triggers refuse UPDATE, DELETE and TRUNCATE
 * even to the superuser the tests log in as; the application role is not even allowed to ask. Snapshots are derived
 * data and stay writable.
 */
@ReckoningIntegrationTest(properties = "reckoning.command.require-executors=false")
class EventTableImmutabilityIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void shouldRefuseUpdateDeleteAndTruncateToASuperuser() {
        String workflow = registerWorkflow();

        assertThatThrownBy(() -> jdbc.update("update command.domain_event_entry set payload = '{}'::bytea where aggregate_identifier = ?", workflow))
                .hasMessageContaining("events are never changed: UPDATE");
        assertThatThrownBy(() -> jdbc.update("delete from command.domain_event_entry where aggregate_identifier = ?", workflow))
                .hasMessageContaining("events are never changed: DELETE");
        assertThatThrownBy(() -> jdbc.execute("truncate command.domain_event_entry"))
                .hasMessageContaining("events are never changed: TRUNCATE");
        assertThat(jdbc.queryForObject("select count(*) from command.domain_event_entry where aggregate_identifier = ?",
                Integer.class, workflow)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class)).isTrue();
    }

    @Test
    void shouldLetTheApplicationRoleReadAndAppendButNotChangeEvents() {
        String workflow = registerWorkflow();

        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local role reckoning_app");
            assertThat(jdbc.queryForObject("select count(*) from command.domain_event_entry where aggregate_identifier = ?",
                    Integer.class, workflow)).isEqualTo(1);
            jdbc.update("insert into command.snapshot_event_entry (aggregate_identifier, sequence_number, type,"
                    + " event_identifier, time_stamp, payload_type, payload) values ('x', 0, 'T', 'snapshot-1', 'now', 'T', '{}'::bytea)");
            assertThat(jdbc.update("delete from command.snapshot_event_entry where event_identifier = 'snapshot-1'"))
                    .as("snapshots are derived data").isEqualTo(1);
            status.setRollbackOnly();
        });
        for (String change : new String[]{
                "update command.domain_event_entry set payload = '{}'::bytea where aggregate_identifier = '" + workflow + "'",
                "delete from command.domain_event_entry where aggregate_identifier = '" + workflow + "'",
                "truncate command.domain_event_entry"}) {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                jdbc.execute("set local role reckoning_app");
                jdbc.execute(change);
            })).as(change).hasStackTraceContaining("permission denied for table domain_event_entry");
        }
    }

    private String registerWorkflow() {
        String name = "immutable-" + System.nanoTime();
        RestClient.create("http://127.0.0.1:" + port).post().uri("/api/workflows").header("Content-Type", "application/json")
                .body(Map.of("name", name, "steps", java.util.List.of(Map.of("id", "a", "type", "transform", "output", Map.of()))))
                .retrieve().toBodilessEntity();
        return "workflow:" + name;
    }
}
