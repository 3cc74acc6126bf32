package io.reckoning.query.runsummary;

import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunFailed;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.query.readmodel.Rows;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.state.RunStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/** Read model run-summary: one row per run with its status, in table {@code query.run_summary}. */
@Component
@ProcessingGroup(RunSummaryProjection.GROUP)
public class RunSummaryProjection implements Projection {

    public static final String GROUP = "run-summary";

    static final String TABLE = "run_summary";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;

    @Autowired
    RunSummaryProjection(JdbcTemplate jdbc, JsonMapper json) {
        this(jdbc, json, LIVE_SCHEMA);
    }

    private RunSummaryProjection(JdbcTemplate jdbc, JsonMapper json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = schema + "." + TABLE;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public RunSummaryProjection writingTo(String schema) {
        return new RunSummaryProjection(jdbc, json, schema);
    }

    @EventHandler
    void on(RunStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into %s (run_id, workflow, version, digest, status, inputs, idempotency_key,
                    rerun_of, started_at, updated_at, last_sequence)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) on conflict (run_id) do nothing""".formatted(table),
                event.runId(), event.workflow(), event.version(), event.digest(), RunStatus.RUNNING.name(),
                json.writeValueAsString(event.inputs()), event.idempotencyKey(), event.rerunOf(), Rows.time(at),
                Rows.time(at), sequence);
    }

    @EventHandler
    void on(RunWaiting event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.runId(), sequence, at, "status = ?, waiting_steps = ?::jsonb", RunStatus.WAITING.name(),
                json.writeValueAsString(event.waitingSteps()));
    }

    @EventHandler
    void on(RunResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.runId(), sequence, at, "status = ?, waiting_steps = null", RunStatus.RUNNING.name());
    }

    @EventHandler
    void on(RunSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.runId(), sequence, at, "status = ?, waiting_steps = null, ended_at = ?",
                RunStatus.SUCCEEDED.name(), Rows.time(at));
    }

    @EventHandler
    void on(RunFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.runId(), sequence, at,
                "status = ?, waiting_steps = null, failed_step = ?, error = ?::jsonb, ended_at = ?",
                RunStatus.FAILED.name(), event.stepId(), json.writeValueAsString(event.error()), Rows.time(at));
    }

    @EventHandler
    void on(RunCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.runId(), sequence, at, "status = ?, waiting_steps = null, cancel_reason = ?, ended_at = ?",
                RunStatus.CANCELLED.name(), event.reason(), Rows.time(at));
    }

    private void advance(String runId, long sequence, Instant at, String assignments, Object... values) {
        Rows.advance(jdbc, table, "run_id = ?", new Object[]{runId}, sequence, at, assignments, values);
    }
}
