package io.reckoning.command.publishing;

import io.reckoning.audit.chain.HashChain;
import io.reckoning.command.config.CommandProperties;
import io.reckoning.events.CloudEvent;
import io.reckoning.events.EventTypes;
import io.reckoning.events.RunEvent;
import io.reckoning.events.StepEvent;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.WorkflowRegistered;
import io.reckoning.messages.StepTask;
import io.reckoning.messages.Topics;
import io.reckoning.workflow.StepTypes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store is the outbox: this tracking processor reads every committed event and publishes it to
 * {@code reckoning.run-events}, and every {@link StepScheduled} of a type that executors run as a task to its
 * type's topic (wait steps are timers inside command-service). Its position moves
 * only after Kafka acknowledged, so a crash re-publishes rather than loses (consumers dedupe on the event id, or
 * on (runId, stepId, attempt) for tasks). Each CloudEvent carries the event's chain hashes, so every copy of the topic
 * is a witness of the chain heads. It also keeps {@code step_dispatch}, the list of tasks not yet picked
 * up, in the same transaction as its position.
 */
@Component
@ProcessingGroup(RunEventPublisher.GROUP)
public class RunEventPublisher {

    public static final String GROUP = "run-event-publisher";
    static final String SOURCE = "/reckoning/command-service";
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final String PENDING_SENDS = RunEventPublisher.class.getName() + ".pendingSends";
    private static final String DISPATCH_CHANGES = RunEventPublisher.class.getName() + ".dispatchChanges";

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final CommandProperties properties;

    RunEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, JdbcTemplate jdbc,
                      CommandProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventHandler
    void on(RunEvent event, DomainEventMessage<?> message) {
        if (event instanceof StepScheduled scheduled && StepTypes.DISPATCHED.contains(scheduled.type())) {
            dispatch(scheduled, message);
        } else if (event instanceof StepEvent step) {
            dispatchChanges().reported(step.runId(), step.stepId(), step.attempt());
        }
        publish(event.runId(), event, message);
    }

    @EventHandler
    void on(WorkflowRegistered event, DomainEventMessage<?> message) {
        publish(event.name(), event, message);
    }

    private void dispatch(StepScheduled scheduled, DomainEventMessage<?> message) {
        StepTask task = new StepTask(scheduled.runId(), scheduled.stepId(), scheduled.attempt(), scheduled.type(),
                scheduled.input(), message.getTimestamp().plus(properties.stepDeadline()));
        String topic = StepTask.topicFor(scheduled.type());
        String body = json.writeValueAsString(task);
        dispatchChanges().dispatched(task, topic, body, message.getTimestamp());
        send(topic, task.runId(), body);
    }

    /** This batch's changes to {@code step_dispatch}, written before it commits together with the position. */
    private DispatchChanges dispatchChanges() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(DISPATCH_CHANGES, name -> {
            DispatchChanges changes = new DispatchChanges();
            unitOfWork.onPrepareCommit(ignored -> changes.write(jdbc));
            return changes;
        });
    }

    private void publish(String key, Object event, DomainEventMessage<?> message) {
        EventTypes.EventType type = EventTypes.of(event.getClass()).orElseThrow(() ->
                new IllegalStateException("No wire name for " + event.getClass().getName()));
        CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, message.getIdentifier(), SOURCE,
                type.cloudEventType(), key, message.getTimestamp(), CloudEvent.JSON, message.getSequenceNumber(),
                chainValue(message, HashChain.HASH), chainValue(message, HashChain.PREV_HASH), event);
        send(Topics.RUN_EVENTS, key, json.writeValueAsString(envelope));
    }

    /** The event's place in its stream's hash chain, published so that chain heads live outside the database. */
    private static String chainValue(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /**
     * Sends without waiting; the batch's unit of work waits for every acknowledgement before it commits the
     * position, so the sends of a batch travel together and a failure makes the processor retry the batch.
     */
    private void send(String topic, String key, String body) {
        CompletableFuture<?> sent = kafka.send(topic, key, body);
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING_SENDS, name -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(ignored -> await(pending));
            return pending;
        }).add(sent);
    }

    private static void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a message", e);
        }
    }
}
