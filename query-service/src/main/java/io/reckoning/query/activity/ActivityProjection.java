package io.reckoning.query.activity;

import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepOutputCorrected;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.query.readmodel.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Read model activity: the events an operator wants to notice, one sentence each, in table {@code query.activity}.
 * A new entry is pushed to the feed's subscribers once its transaction committed; what a replay writes into
 * shadow tables is history and is never pushed.
 */
@Component
@ProcessingGroup(ActivityProjection.GROUP)
public class ActivityProjection implements Projection {

    public static final String GROUP = "activity";
    static final String TABLE = "activity";

    private final JdbcTemplate jdbc;
    private final ActivityStream stream;
    private final String table;

    @Autowired
    ActivityProjection(JdbcTemplate jdbc, ActivityStream stream) {
        this(jdbc, stream, LIVE_SCHEMA);
    }

    private ActivityProjection(JdbcTemplate jdbc, ActivityStream stream, String schema) {
        this.jdbc = jdbc;
        this.stream = stream;
        this.table = schema + "." + TABLE;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public ActivityProjection writingTo(String schema) {
        return new ActivityProjection(jdbc, null, schema);
    }

    @EventHandler
    void on(RunStarted event, TrackingToken token, @Timestamp Instant at) {
        add(token, "run-started", event.runId(), null, event.workflow(),
                "Run started on " + event.workflow() + " v" + event.version()
                        + (event.rerunOf() == null ? "." : ", rerunning " + event.rerunOf() + "."), null, at);
    }

    @EventHandler
    void on(RunWaiting event, TrackingToken token, @Timestamp Instant at) {
        add(token, "run-waiting", event.runId(), null, null,
                "Run waits for the attestation of " + String.join(", ", event.waitingSteps()) + ".", null, at);
    }

    @EventHandler
    void on(StepAttested event, TrackingToken token, @Timestamp Instant at) {
        add(token, "step-attested", event.runId(), event.stepId(), null, "Step " + event.stepId() + " attested "
                + event.outcome().name() + (event.note() == null ? "." : ": " + event.note()), event.principal(), at);
    }

    @EventHandler
    void on(StepFailed event, TrackingToken token, @Timestamp Instant at) {
        add(token, "step-failed", event.runId(), event.stepId(), null, "Step " + event.stepId() + " failed"
                + (event.error() == null ? "" : " (" + event.error().code() + ")")
                + (event.retryable() ? ", may be retried." : "."), null, at);
    }

    @EventHandler
    void on(RunFailed event, TrackingToken token, @Timestamp Instant at) {
        add(token, "run-failed", event.runId(), event.stepId(), null, (event.stepId() == null ? "Run failed"
                : "Run failed at step " + event.stepId()) + (event.error() == null ? "." : " (" + event.error().code() + ")."),
                null, at);
    }

    @EventHandler
    void on(RunSucceeded event, TrackingToken token, @Timestamp Instant at) {
        add(token, "run-succeeded", event.runId(), null, null, "Run succeeded.", null, at);
    }

    @EventHandler
    void on(RunCancelled event, TrackingToken token, @Timestamp Instant at) {
        add(token, "run-cancelled", event.runId(), null, null, "Run cancelled: " + event.reason(), event.principal(), at);
    }

    @EventHandler
    void on(StepOutputCorrected event, TrackingToken token, @Timestamp Instant at) {
        add(token, "step-corrected", event.runId(), event.stepId(), null,
                "Output of step " + event.stepId() + " corrected: " + event.reason(), event.principal(), at);
    }

    private void add(TrackingToken token, String kind, String runId, String stepId, String workflow, String summary,
                     String principal, Instant at) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("A tracking token without a position"));
        List<String> inserted = jdbc.queryForList("""
                insert into %1$s (position, run_id, step_id, workflow, kind, summary, principal, occurred_at)
                values (?, ?, ?, coalesce(?, (select a.workflow from %1$s a
                                               where a.run_id = ? and a.kind = 'run-started' limit 1)), ?, ?, ?, ?)
                on conflict (position) do nothing returning coalesce(workflow, '')""".formatted(table), String.class,
                position, runId, stepId, workflow, runId, kind, summary, principal, Rows.time(at));
        if (stream != null && !inserted.isEmpty()) {
            String known = inserted.get(0).isEmpty() ? null : inserted.get(0);
            Activity activity = new Activity(position, kind, runId, stepId, known, summary, principal, at);
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> stream.publish(activity));
            } else {
                stream.publish(activity);
            }
        }
    }
}
