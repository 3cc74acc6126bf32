package io.reckoning.query.steprun;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A row of step-run as the API shows it.
 *
 * @param output      the step's output, as last corrected
 * @param corrections every correction of the output, oldest first: {@code {output, reason, principal, correctedAt}}
 * @param attestors   who may attest the step, from the run's definition; empty means anyone allowed to attest
 */
public record StepRun(String stepId, String type, JsonNode needs, String status, int attempt, JsonNode input,
                      JsonNode output, JsonNode artifacts, JsonNode error, JsonNode attestation, Instant scheduledAt,
                      Instant startedAt, Instant endedAt, Instant retryAt, JsonNode corrections, JsonNode attestors) {
}
