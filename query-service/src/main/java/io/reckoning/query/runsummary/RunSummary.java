package io.reckoning.query.runsummary;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** A row of run-summary as the API shows it. */
public record RunSummary(String runId, String workflow, int version, String digest, String status, JsonNode inputs,
                         String idempotencyKey, JsonNode waitingSteps, String failedStep, JsonNode error,
                         Instant startedAt, Instant updatedAt, Instant endedAt, String rerunOf, String cancelReason) {
}
