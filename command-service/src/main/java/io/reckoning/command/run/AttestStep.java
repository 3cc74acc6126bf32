package io.reckoning.command.run;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An operator's account of an external step; {@code principal} comes from authentication, never the body. */
public record AttestStep(@TargetAggregateIdentifier String runId, String stepId, AttestationOutcome outcome,
                         Object output, List<Artifact> artifacts, String note, String principal) {
}
