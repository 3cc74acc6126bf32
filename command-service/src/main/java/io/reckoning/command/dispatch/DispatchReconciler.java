package io.reckoning.command.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.command.config.CommandMetrics;
import io.reckoning.command.config.CommandProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends a step's task again when it has been scheduled longer than the dispatch timeout without an executor
 * picking it up, so a lost message or a wiped broker never strands a run. Kafka is a transport that can be
 * rebuilt from the event store; the same attempt is re-sent, never a new one, and the aggregate accepts one
 * outcome per attempt whatever the executors do with the copies.
 */
@Component
class DispatchReconciler {

    private static final Logger log = LoggerFactory.getLogger(DispatchReconciler.class);
    private static final int BATCH = 100;

    record Overdue(String runId, String stepId, int attempt, String topic, String task) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final CommandProperties properties;
    private final Counter redispatched;

    DispatchReconciler(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
                       CommandProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.redispatched = Counter.builder(CommandMetrics.REDISPATCHED)
                .description("Step tasks sent again because no executor picked them up in time")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${reckoning.command.reconcile-interval:PT5S}",
            initialDelayString = "${reckoning.command.reconcile-interval:PT5S}")
    void redispatchOverdue() {
        Integer sent;
        do {
            sent = transactions.execute(status -> redispatchBatch());
        } while (sent != null && sent == BATCH);
    }

    /** Rows are locked while their tasks are re-sent, so several command-service replicas share the work. */
    private int redispatchBatch() {
        List<Overdue> overdue = jdbc.query("""
                select run_id, step_id, attempt, topic, task::text as task from command.step_dispatch
                where last_dispatch_at < now() - make_interval(secs => ?)
                order by last_dispatch_at limit ? for update skip locked""",
                (rs, i) -> new Overdue(rs.getString("run_id"), rs.getString("step_id"), rs.getInt("attempt"),
                        rs.getString("topic"), rs.getString("task")),
                properties.redispatchAfter().toMillis() / 1000.0, BATCH);
        for (Overdue task : overdue) {
            try {
                kafka.send(task.topic(), task.runId(), task.task()).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not re-send the task of step " + task.stepId(), e);
            }
            jdbc.update("""
                    update command.step_dispatch set last_dispatch_at = now(), dispatch_count = dispatch_count + 1
                    where run_id = ? and step_id = ? and attempt = ?""", task.runId(), task.stepId(), task.attempt());
            redispatched.increment();
            log.warn("Re-dispatched step {} attempt {} of run {}: no executor picked it up within {}",
                    task.stepId(), task.attempt(), task.runId(), properties.redispatchAfter());
        }
        return overdue.size();
    }
}
