package io.reckoning.command.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Correct the output of a succeeded step; {@code principal} comes from authentication, never the body. */
public record CorrectStepOutput(@TargetAggregateIdentifier String runId, String stepId, Object output, String reason,
                                String principal) {
}
