package io.reckoning.query.inbox;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A step waiting for an operator to attest it, as the inbox shows it.
 *
 * @param instructions   the step's instructions as resolved into its input, or null
 * @param attestors      who may attest it, from the run's definition; empty means anyone allowed to attest
 * @param waitingSince   when the step started waiting
 * @param waitingSeconds how long it has waited, in whole seconds, at the time of the query
 */
public record PendingAttestation(String runId, String stepId, String workflow, int version, String instructions,
                                 JsonNode attestors, Instant waitingSince, long waitingSeconds) {
}
