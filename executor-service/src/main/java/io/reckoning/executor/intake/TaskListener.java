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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consumes the task topics of every step type this service has an executor for. The offset is committed after
 * the result is on Kafka, so a crash repeats a task rather than losing it; the engine keeps one outcome per
 * attempt.
 */
@Component
class TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskListener.class);
    static final String GROUP_ID = "reckoning-executor";

    private final Map<String, StepExecutor> executors;
    private final ResultReporter reporter;
    private final ObjectReader reader;

    TaskListener(List<StepExecutor> executors, ResultReporter reporter, JsonMapper json) {
        this.executors = executors.stream().collect(Collectors.toMap(StepExecutor::type, Function.identity()));
        this.reporter = reporter;
        this.reader = json.readerFor(StepTask.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = "step-tasks", topics = "#{@executorTopics.names()}", groupId = GROUP_ID)
    void on(ConsumerRecord<String, String> record) {
        StepTask task = parse(record.value());
        StepExecutor executor = executors.get(task.type());
        if (executor == null) {
            throw new PoisonMessage("No executor for step type '" + task.type() + "' on topic " + record.topic());
        }
        reporter.report(StepResult.started(task));
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

    private StepTask parse(String value) {
        StepTask task;
        try {
            task = reader.readValue(value);
        } catch (JacksonException e) {
            throw new PoisonMessage("Not a step task: " + e.getMessage(), e);
        }
        if (task == null || task.runId() == null || task.stepId() == null || task.attempt() < 1 || task.type() == null
                || task.input() == null) {
            throw new PoisonMessage("A step task needs runId, stepId, attempt >= 1, type and input.");
        }
        return task;
    }
}
