package io.reckoning.command.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.reckoning.command.config.CommandProperties;
import io.reckoning.events.RunStarted;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.workflow.StepDefinition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Tracks the event store (its position in {@code command.token_entry}, so a restart resumes where it stopped) and,
 * for every {@link StepAwaitingAttestation}, schedules a call of the step's webhook, or the global one, as an
 * {@code attestation-webhook} task. The task is scheduled in this processor's transaction, so it exists exactly
 * when the position moved past the event, and its id is (run, step, attempt), so a re-delivered event schedules
 * nothing twice. The webhook comes from the definition the run started with, read from its {@link RunStarted}.
 */
@Component
@ProcessingGroup(AttestationNotifier.GROUP)
public class AttestationNotifier {

    public static final String GROUP = "attestation-notifier";
    private static final Logger log = LoggerFactory.getLogger(AttestationNotifier.class);

    private final EventStore events;
    private final SchedulerClient scheduler;
    private final CommandProperties properties;

    AttestationNotifier(EventStore events, SchedulerClient scheduler, CommandProperties properties) {
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventHandler
    void on(StepAwaitingAttestation event, DomainEventMessage<?> message) {
        RunStarted run = runStarted(event.runId());
        String stepWebhook = run.definition().steps().stream()
                .filter(step -> step.id().equals(event.stepId()))
                .findFirst().map(StepDefinition::webhook).orElse(null);
        Optional<String> url = WebhookUrls.choose(stepWebhook, properties.notification().webhookUrl());
        if (url.isEmpty()) {
            return;
        }
        if (!WebhookUrls.isHttp(url.get())) {
            log.warn("Not notifying that step {} of run {} waits for attestation: its webhook '{}' is not an http(s)"
                    + " URL", event.stepId(), event.runId(), url.get());
            return;
        }
        WebhookCall call = new WebhookCall(url.get(), event.runId(), event.stepId(), event.attempt(), run.workflow(),
                event.instructions(), message.getTimestamp(), 1);
        scheduler.scheduleIfNotExists(new TaskInstance<>(WebhookDelivery.TASK, call.instanceId(), call), Instant.now());
    }

    /** The run's first event; read from sequence 0 so a snapshot, if one is ever taken, is not in the way. */
    private RunStarted runStarted(String runId) {
        DomainEventStream stream = events.readEvents(runId, 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof RunStarted started) {
            return started;
        }
        throw new IllegalStateException("Run " + runId + " has a waiting step but no RunStarted event.");
    }
}
