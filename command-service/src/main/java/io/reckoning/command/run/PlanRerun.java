package io.reckoning.command.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask a run what a rerun from {@code fromStep} would reuse. Reads only: the original run is untouched.
 */
public record PlanRerun(@TargetAggregateIdentifier String runId, String fromStep) {
}
