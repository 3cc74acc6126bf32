package io.reckoning.command.run;

import io.reckoning.messages.StepResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what an executor reported; stale and duplicate reports are ignored. */
public record RecordStepResult(@TargetAggregateIdentifier String runId, StepResult result) {
}
