package io.reckoning.command.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Sent when a {@link StartRun} found its run already started (a retried request with the same idempotency key):
 * succeeds when the earlier request asked for the same run, answering its current status.
 */
public record ConfirmStart(@TargetAggregateIdentifier String runId, String workflow, int version,
                           Map<String, Object> inputs) {
}
