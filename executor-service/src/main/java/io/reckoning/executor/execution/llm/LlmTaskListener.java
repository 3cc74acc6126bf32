package io.reckoning.executor.execution.llm;

import io.reckoning.events.StepError;
import io.reckoning.executor.intake.TaskReader;
import io.reckoning.executor.reporting.ResultReporter;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import io.reckoning.support.kafka.PoisonMessage;
import io.reckoning.workflow.StepTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intake of llm tasks. Calls run on a pool of {@code reckoning.llm.max-concurrency} workers, never on the
 * Kafka poll thread, so a slow provider never stalls the poll loop into a rebalance (and a duplicate call).
 * <p>
 * Flow control: a poll brings at most {@code max-concurrency} tasks, one per worker; each worker waits for its
 * turn under the rate limit, reports {@code started}, calls the provider, reports the result and only then
 * acknowledges its task. Acknowledgements may come in any order ({@code asyncAcks}): the container commits each
 * partition's offset up to the first task still in flight and keeps the consumer paused (polling, so it stays in
 * the group) until every task of the last poll is acknowledged. A saturated provider therefore holds tasks on
 * Kafka instead of in memory here.
 * <p>
 * At least once: a task's offset is committed only after its result is on Kafka. An executor that dies mid-call
 * commits nothing for it, so the task is delivered again (to this process restarted, or to another in the group)
 * and the call is made again; the engine keeps the first outcome of the attempt. A step whose task is lost for
 * good after {@code started} stays RUNNING until its {@code timeout}, if it has one, fails the attempt.
 */
@Component
class LlmTaskListener implements DisposableBean {

    static final String LISTENER_ID = "llm-tasks";
    private static final Logger log = LoggerFactory.getLogger(LlmTaskListener.class);
    private static final long MAX_REPORT_BACKOFF_MS = 10_000;

    private final TaskReader reader;
    private final ResultReporter reporter;
    private final LlmExecutor executor;
    private final RequestPacer pacer;
    private final ExecutorService workers;

    LlmTaskListener(TaskReader reader, ResultReporter reporter, LlmExecutor executor, LlmProperties properties) {
        this.reader = reader;
        this.reporter = reporter;
        this.executor = executor;
        this.pacer = new RequestPacer(properties.rateLimit());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.maxConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "llm-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @KafkaListener(id = LISTENER_ID, topics = StepTask.TOPIC_PREFIX + StepTypes.LLM, groupId = TaskReader.GROUP_ID,
            containerPostProcessor = LlmConfiguration.LLM_TASK_CONTAINER)
    void on(ConsumerRecord<String, String> record, Acknowledgment acknowledgment) {
        StepTask task;
        try {
            task = reader.read(record.value());
        } catch (PoisonMessage poison) {
            acknowledgment.acknowledge(); // dead-lettered by the error handler; never holds the partition back
            throw poison;
        }
        workers.execute(() -> run(task, acknowledgment));
    }

    private void run(StepTask task, Acknowledgment acknowledgment) {
        try {
            pacer.awaitTurn();
            reportUntilTaken(StepResult.started(task));
            reportUntilTaken(execute(task));
            acknowledgment.acknowledge();
        } catch (InterruptedException | CancellationException e) {
            // shutting down: the task is not acknowledged, so it is delivered again
            Thread.currentThread().interrupt();
        }
    }

    private StepResult execute(StepTask task) {
        try {
            return executor.execute(task);
        } catch (RuntimeException e) {
            log.warn("Step {} of run {} failed in the llm executor", task.stepId(), task.runId(), e);
            return StepResult.failed(task, new StepError("executor_error",
                    "The llm executor failed: " + e.getClass().getSimpleName()), false);
        }
    }

    /** A result is only ever retried, never dropped: while Kafka does not take it, the task stays unacknowledged. */
    private void reportUntilTaken(StepResult result) throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                reporter.report(result);
                return;
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Interrupted while reporting a result");
                }
                log.warn("Kafka did not take the {} result of step {} of run {}; trying again in {} ms",
                        result.kind(), result.stepId(), result.runId(), backoff);
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_REPORT_BACKOFF_MS);
            }
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
