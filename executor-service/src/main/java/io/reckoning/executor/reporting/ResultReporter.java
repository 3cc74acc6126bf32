package io.reckoning.executor.reporting;

import io.reckoning.messages.StepResult;
import io.reckoning.messages.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes results to {@code reckoning.step-results}, keyed by run id, and waits for the broker to take them. */
@Component
public class ResultReporter {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    ResultReporter(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    public void report(StepResult result) {
        try {
            kafka.send(Topics.STEP_RESULTS, result.runId(), json.writeValueAsString(result))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reporting a step result", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the result of step " + result.stepId(), e);
        }
    }
}
