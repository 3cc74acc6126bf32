package io.reckoning.command.workflow;

import io.reckoning.events.WorkflowRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The versions of one named workflow. Registering content it already has answers that version; new content
 * becomes the next version. Serialising registrations through one aggregate per name makes the numbering safe
 * under concurrency.
 */
@Aggregate
class Workflow {

    private static final String ID_PREFIX = "workflow:";

    @AggregateIdentifier
    private String workflowId;
    private final Map<String, Integer> versionsByDigest = new HashMap<>();
    private int latestVersion;

    Workflow() {
        // for Axon; also the blank state of a name registered for the first time
    }

    static String idOf(String name) {
        return ID_PREFIX + name;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Registration handle(RegisterWorkflow command) {
        String name = command.definition().name();
        Integer existing = versionsByDigest.get(command.digest());
        if (existing != null) {
            return new Registration(name, existing, command.digest(), false);
        }
        apply(new WorkflowRegistered(name, latestVersion + 1, command.digest(), command.definition()));
        return new Registration(name, latestVersion, command.digest(), true);
    }

    @EventSourcingHandler
    void on(WorkflowRegistered event) {
        workflowId = idOf(event.name());
        versionsByDigest.put(event.digest(), event.version());
        latestVersion = event.version();
    }
}
