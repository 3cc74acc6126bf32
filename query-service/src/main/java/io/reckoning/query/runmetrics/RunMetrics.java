package io.reckoning.query.runmetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunCancelled;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepEvent;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepSucceeded;
import io.reckoning.events.StepTimedOut;
import io.reckoning.query.config.QueryMetrics;
import io.reckoning.query.readmodel.Rows;
import io.reckoning.state.RunStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts runs and times runs, steps and attestations as their events are projected. It runs in the run-view
 * processor after the read models, so the start of a run or a step is already in {@code query.run_summary} and
 * {@code query.step_run} when its end arrives; meters move only after the batch committed, and never during a
 * replay, so a rebuilt read model does not count history twice. A meter that cannot be computed is skipped: metrics
 * never stop the read models.
 */
@Component
@ProcessingGroup(RunMetrics.GROUP)
@DisallowReplay
class RunMetrics {

    static final String GROUP = "run-metrics";
    private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    RunMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @EventHandler
    void on(RunStarted event) {
        afterCommit(() -> Counter.builder(QueryMetrics.RUNS_STARTED).tag("workflow", event.workflow())
                .description("Runs started").register(meters).increment());
    }

    @EventHandler
    void on(RunSucceeded event, @Timestamp Instant at) {
        runEnded(event.runId(), RunStatus.SUCCEEDED, at);
    }

    @EventHandler
    void on(RunFailed event, @Timestamp Instant at) {
        runEnded(event.runId(), RunStatus.FAILED, at);
    }

    @EventHandler
    void on(RunCancelled event, @Timestamp Instant at) {
        runEnded(event.runId(), RunStatus.CANCELLED, at);
    }

    @EventHandler
    void on(StepSucceeded event, @Timestamp Instant at) {
        stepEnded(event, "succeeded", at);
    }

    @EventHandler
    void on(StepFailed event, @Timestamp Instant at) {
        stepEnded(event, "failed", at);
    }

    @EventHandler
    void on(StepTimedOut event, @Timestamp Instant at) {
        stepEnded(event, "timed_out", at);
    }

    @EventHandler
    void on(StepAttested event, @Timestamp Instant at) {
        String outcome = event.outcome() == AttestationOutcome.SUCCEEDED ? "succeeded" : "failed";
        stepEnded(event, outcome, at);
        query("""
                select r.workflow, s.waiting_since from query.step_run s join query.run_summary r on r.run_id = s.run_id
                where s.run_id = ? and s.step_id = ? and s.waiting_since is not null""", event.runId(), event.stepId())
                .ifPresent(row -> afterCommit(() -> Timer.builder(QueryMetrics.ATTESTATION_WAIT)
                        .tags("workflow", row.label(), "outcome", outcome)
                        .serviceLevelObjectives(QueryMetrics.ATTESTATION_WAIT_BUCKETS)
                        .description("Time from a step's wait for attestation to its attestation")
                        .register(meters).record(row.until(at))));
    }

    private void runEnded(String runId, RunStatus status, Instant at) {
        query("select workflow, started_at from query.run_summary where run_id = ?", runId)
                .ifPresent(row -> afterCommit(() -> {
                    Counter.builder(QueryMetrics.RUNS_FINISHED).tags("workflow", row.label(), "status", status.name())
                            .description("Runs that ended").register(meters).increment();
                    Timer.builder(QueryMetrics.RUN_DURATION).tags("workflow", row.label(), "status", status.name())
                            .serviceLevelObjectives(QueryMetrics.RUN_DURATION_BUCKETS)
                            .description("Time from a run's start to its end").register(meters).record(row.until(at));
                }));
    }

    /** A step's duration from its start; nothing for an outcome copied from an earlier run (attempt 0). */
    private void stepEnded(StepEvent event, String outcome, Instant at) {
        if (event.attempt() < 1) {
            return;
        }
        query("select type, started_at from query.step_run where run_id = ? and step_id = ? and started_at is not null",
                event.runId(), event.stepId())
                .ifPresent(row -> afterCommit(() -> Timer.builder(QueryMetrics.STEP_DURATION)
                        .tags("type", row.label(), "outcome", outcome.toLowerCase(Locale.ROOT))
                        .serviceLevelObjectives(QueryMetrics.STEP_DURATION_BUCKETS)
                        .description("Time from a step's start to its outcome").register(meters).record(row.until(at))));
    }

    /** A label (workflow or step type) and the time something started. */
    private record Row(String label, Instant since) {

        Duration until(Instant end) {
            Duration duration = Duration.between(since, end);
            return duration.isNegative() ? Duration.ZERO : duration;
        }
    }

    private Optional<Row> query(String sql, Object... args) {
        try {
            List<Row> rows = jdbc.query(sql, (rs, i) -> {
                return new Row(rs.getString(1), Rows.instant(rs.getTimestamp(2)));
            }, args);
            return rows.stream().filter(row -> row.label() != null && row.since() != null).findFirst();
        } catch (DataAccessException e) {
            log.debug("Could not read what a run metric needs; the meter skips this event.", e);
            return Optional.empty();
        }
    }

    private static void afterCommit(Runnable record) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> record.run());
        } else {
            record.run();
        }
    }
}
