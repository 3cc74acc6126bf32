package io.reckoning.command.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a run that is not final; {@code principal} comes from authentication, never the body. */
public record CancelRun(@TargetAggregateIdentifier String runId, String reason, String principal) {
}
