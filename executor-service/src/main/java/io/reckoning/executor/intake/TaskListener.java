package io.reckoning.executor.intake;

import io.reckoning.events.StepError;
import io.reckoning.executor.execution.StepExecutor;
import io.reckoning.executor.reporting.ResultReporter;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import io.reckoning.support.kafka.PoisonMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consumes the task topics of every step type this service has a {@link StepExecutor} for, one task at a time on
 * the poll thread (llm steps, which wait on a provider, have their own listener). The offset is committed after
 * the result is on Kafka, so a crash repeats a task rather than losing it; the engine keeps one outcome per
 * attempt.
 * <p>
 * These executors finish within the call (a transform, an external step's announcement), so only the outcome is
 * reported: the engine appends {@code StepStarted} with it. A separate {@code started} would cost a message and a
 * command transaction per step for a state no one could observe.
 */
@Component
class TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskListener.class);

    private final Map<String, StepExecutor> executors;
    private final ResultReporter reporter;
    private final TaskReader reader;

    TaskListener(List<StepExecutor> executors, ResultReporter reporter, TaskReader reader) {
        this.executors = executors.stream().collect(Collectors.toMap(StepExecutor::type, Function.identity()));
        this.reporter = reporter;
        this.reader = reader;
    }

    /** One consumer per partition of a task topic (four), so that one slow task or send does not hold up the rest. */
    @KafkaListener(id = "step-tasks", topics = "#{@executorTopics.names()}", groupId = TaskReader.GROUP_ID, concurrency = "4")
    void on(ConsumerRecord<String, String> record) {
        StepTask task = reader.read(record.value());
        StepExecutor executor = executors.get(task.type());
        if (executor == null) {
            throw new PoisonMessage("No executor for step type '" + task.type() + "' on topic " + record.topic());
        }
        reporter.report(execute(executor, task));
    }

    private static StepResult execute(StepExecutor executor, StepTask task) {
        try {
            return executor.execute(task);
        } catch (RuntimeException e) {
            log.warn("Step {} of run {} failed in its {} executor", task.stepId(), task.runId(), task.type(), e);
            return StepResult.failed(task, new StepError("executor_error",
                    "The " + task.type() + " executor failed: " + e.getMessage()), false);
        }
    }
}
