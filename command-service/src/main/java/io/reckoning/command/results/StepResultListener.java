package io.reckoning.command.results;

import io.reckoning.command.run.RecordStepResult;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.Topics;
import io.reckoning.support.kafka.PoisonMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code reckoning.step-results} and records each result on its run. The offset is committed only after
 * the command committed, so a crash replays results (the aggregate ignores the duplicates) and never loses one.
 */
@Component
class StepResultListener {

    static final String GROUP_ID = "reckoning-command";

    private final CommandGateway commands;
    private final ObjectReader reader;

    StepResultListener(CommandGateway commands, JsonMapper json) {
        this.commands = commands;
        // a tolerant reader: executors in other languages may add fields the contract does not know yet
        this.reader = json.readerFor(StepResult.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * One consumer per partition of the topic (four): results are keyed by run id, so each run's results stay in
     * order, while results of different runs are recorded in parallel transactions rather than one after another.
     */
    @KafkaListener(id = "step-results", topics = Topics.STEP_RESULTS, groupId = GROUP_ID, concurrency = "4")
    void on(ConsumerRecord<String, String> record) {
        StepResult result = parse(record.value());
        try {
            commands.sendAndWait(new RecordStepResult(result.runId(), result));
        } catch (AggregateNotFoundException e) {
            throw new PoisonMessage("Result for run " + result.runId() + ", which does not exist.", e);
        }
    }

    private StepResult parse(String value) {
        StepResult result;
        try {
            result = reader.readValue(value);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessage("Not a step result: " + e.getMessage(), e);
        }
        if (result == null || result.runId() == null || result.stepId() == null || result.attempt() < 1
                || !StepResult.KINDS.contains(result.kind())) {
            throw new PoisonMessage("A step result needs runId, stepId, attempt >= 1 and a kind in " + StepResult.KINDS);
        }
        return result;
    }
}
