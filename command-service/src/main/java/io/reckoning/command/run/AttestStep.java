package io.reckoning.command.run;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

/**
 * An operator's account of an external step. {@code principal} and {@code roles} come from authentication,
 * never from the body; the step's {@code attestors} are checked against them.
 */
public record AttestStep(@TargetAggregateIdentifier String runId, String stepId, AttestationOutcome outcome,
                         Object output, List<Artifact> artifacts, String note, String principal, Set<String> roles) {

    public AttestStep {
        roles = roles == null ? Set.of() : roles;
    }
}
