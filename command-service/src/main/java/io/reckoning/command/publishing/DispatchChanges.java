package io.reckoning.command.publishing;

import io.reckoning.messages.StepTask;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code command.step_dispatch} changes of one batch of the publisher, written in two JDBC batches just before
 * the batch commits, instead of one statement per event. A task that is picked up within the same batch (its
 * {@code StepScheduled} and the attempt's next event both in it) never needs a row: the two changes cancel out.
 */
final class DispatchChanges {

    private final Map<Attempt, Object[]> inserts = new LinkedHashMap<>();
    private final Set<Attempt> deletes = new LinkedHashSet<>();

    void dispatched(StepTask task, String topic, String body, Instant scheduledAt) {
        Attempt attempt = new Attempt(task.runId(), task.stepId(), task.attempt());
        deletes.remove(attempt);
        inserts.put(attempt, new Object[]{task.runId(), task.stepId(), task.attempt(), topic, body,
                Timestamp.from(scheduledAt)});
    }

    void reported(String runId, String stepId, int attempt) {
        Attempt reported = new Attempt(runId, stepId, attempt);
        if (inserts.remove(reported) == null) {
            deletes.add(reported);
        }
    }

    void write(JdbcTemplate jdbc) {
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into command.step_dispatch (run_id, step_id, attempt, topic, task, scheduled_at, last_dispatch_at)
                    values (?, ?, ?, ?, ?::jsonb, ?, now()) on conflict do nothing""", new ArrayList<>(inserts.values()));
        }
        if (!deletes.isEmpty()) {
            List<Object[]> keys = deletes.stream()
                    .map(attempt -> new Object[]{attempt.runId(), attempt.stepId(), attempt.attempt()}).toList();
            jdbc.batchUpdate("delete from command.step_dispatch where run_id = ? and step_id = ? and attempt = ?", keys);
        }
    }

    private record Attempt(String runId, String stepId, int attempt) {
    }
}
