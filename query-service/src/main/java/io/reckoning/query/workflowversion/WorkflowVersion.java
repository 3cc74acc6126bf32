package io.reckoning.query.workflowversion;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** A row of workflow-version as the API shows it: one registered version with its definition. */
public record WorkflowVersion(String name, int version, String digest, Instant registeredAt, JsonNode definition) {
}
