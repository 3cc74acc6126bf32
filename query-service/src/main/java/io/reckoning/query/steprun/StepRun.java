package io.reckoning.query.steprun;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** A row of step-run as the API shows it. */
public record StepRun(String stepId, String type, JsonNode needs, String status, int attempt, JsonNode input,
                      JsonNode output, JsonNode artifacts, JsonNode error, JsonNode attestation, Instant scheduledAt,
                      Instant startedAt, Instant endedAt, Instant retryAt) {
}
