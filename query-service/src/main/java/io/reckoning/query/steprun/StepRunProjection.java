package io.reckoning.query.steprun;

import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunStarted;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepEvent;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.events.StepRetryScheduled;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepSucceeded;
import io.reckoning.events.StepTimedOut;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.query.readmodel.Rows;
import io.reckoning.state.StepStatus;
import io.reckoning.workflow.StepDefinition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read model step-run: one row per step of every run, in table {@code query.step_run}. */
@Component
@ProcessingGroup(StepRunProjection.GROUP)
public class StepRunProjection implements Projection {

    public static final String GROUP = "step-run";
    static final String TABLE = "step_run";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;

    @Autowired
    StepRunProjection(JdbcTemplate jdbc, JsonMapper json) {
        this(jdbc, json, LIVE_SCHEMA);
    }

    private StepRunProjection(JdbcTemplate jdbc, JsonMapper json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = schema + "." + TABLE;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public StepRunProjection writingTo(String schema) {
        return new StepRunProjection(jdbc, json, schema);
    }

    @EventHandler
    void on(RunStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<StepDefinition> steps = event.definition().steps();
        List<Object[]> rows = new ArrayList<>();
        for (int position = 0; position < steps.size(); position++) {
            StepDefinition step = steps.get(position);
            List<String> attestors = step.attestors() == null ? List.of() : step.attestors();
            rows.add(new Object[]{event.runId(), step.id(), position, step.type(), json.writeValueAsString(step.needs()),
                    json.writeValueAsString(attestors), StepStatus.PENDING.name(), Rows.time(at), sequence});
        }
        jdbc.batchUpdate("""
                insert into %s (run_id, step_id, position, type, needs, attestors, status, updated_at,
                    last_sequence)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) on conflict (run_id, step_id) do nothing""".formatted(table), rows);
    }

    @EventHandler
    void on(StepScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, attempt = ?, input = ?::jsonb, scheduled_at = ?, started_at = null, "
                        + "ended_at = null, error = null, retry_at = null, waiting_since = null", StepStatus.SCHEDULED.name(), event.attempt(),
                json.writeValueAsString(event.input()), Rows.time(at));
    }

    @EventHandler
    void on(StepStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, started_at = ?", StepStatus.RUNNING.name(), Rows.time(at));
    }

    @EventHandler
    void on(StepSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, output = ?::jsonb, artifacts = ?::jsonb, ended_at = ?",
                StepStatus.SUCCEEDED.name(), json.writeValueAsString(event.output()),
                json.writeValueAsString(event.artifacts()), Rows.time(at));
    }

    @EventHandler
    void on(StepFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, attempt = ?, error = ?::jsonb, ended_at = ?",
                StepStatus.FAILED.name(), event.attempt(), json.writeValueAsString(event.error()), Rows.time(at));
    }

    @EventHandler
    void on(StepAwaitingAttestation event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, started_at = coalesce(started_at, ?), waiting_since = ?",
                StepStatus.WAITING.name(), Rows.time(at), Rows.time(at));
    }

    @EventHandler
    void on(StepAttested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("outcome", event.outcome().name());
        attestation.put("principal", event.principal());
        attestation.put("note", event.note());
        attestation.put("attestedAt", at.toString());
        StepStatus status = event.outcome() == AttestationOutcome.SUCCEEDED ? StepStatus.SUCCEEDED : StepStatus.FAILED;
        advance(event, sequence, at,
                "status = ?, output = ?::jsonb, artifacts = ?::jsonb, attestation = ?::jsonb, ended_at = ?",
                status.name(), json.writeValueAsString(event.output()), json.writeValueAsString(event.artifacts()),
                json.writeValueAsString(attestation), Rows.time(at));
    }

    /** The output shows the correction; the correction is kept beside it, the original stays in the history. */
    @EventHandler
    void on(StepOutputCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("output", event.output());
        correction.put("reason", event.reason());
        correction.put("principal", event.principal());
        correction.put("correctedAt", at.toString());
        advance(event, sequence, at, "output = ?::jsonb, corrections = corrections || jsonb_build_array(?::jsonb)",
                json.writeValueAsString(event.output()), json.writeValueAsString(correction));
    }

    @EventHandler
    void on(StepSkipped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, ended_at = ?", StepStatus.SKIPPED.name(), Rows.time(at));
    }

    @EventHandler
    void on(StepTimedOut event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "timed_out");
        error.put("message", "Attempt " + event.attempt() + " timed out (" + event.phase() + " limit " + event.timeout() + ").");
        advance(event, sequence, at, "status = ?, error = ?::jsonb, ended_at = ?", StepStatus.FAILED.name(),
                json.writeValueAsString(error), Rows.time(at));
    }

    @EventHandler
    void on(StepRetryScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event, sequence, at, "status = ?, error = ?::jsonb, retry_at = ?", StepStatus.PENDING.name(),
                json.writeValueAsString(event.reason()), Rows.time(event.retryAt()));
    }

    /** A cancelled run's unfinished steps are cancelled with it. */
    @EventHandler
    void on(RunCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Rows.advance(jdbc, table, "run_id = ? and status in ('PENDING', 'SCHEDULED', 'RUNNING', 'WAITING')",
                new Object[]{event.runId()}, sequence, at, "status = ?, retry_at = null, ended_at = ?",
                StepStatus.CANCELLED.name(), Rows.time(at));
    }

    private void advance(StepEvent event, long sequence, Instant at, String assignments, Object... values) {
        Rows.advance(jdbc, table, "run_id = ? and step_id = ?", new Object[]{event.runId(), event.stepId()},
                sequence, at, assignments, values);
    }
}
