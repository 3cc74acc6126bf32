package io.reckoning.query.artifact;

import java.time.Instant;

/**
 * A row of artifact as the API shows it: one artifact one step attempt produced or consumed. (Named apart from
 * the event contract's {@link io.reckoning.events.Artifact}, which is the artifact itself, not its record.)
 *
 * @param direction  {@code produced} or {@code consumed}
 * @param recordedBy the attesting principal, {@code executor} for an executor's result, {@code engine} for an
 *                   artifact found in a step's resolved input
 */
public record ArtifactRecord(String runId, String stepId, int attempt, String direction, String name, String uri,
                             String sha256, Long sizeBytes, String mediaType, String recordedBy, Instant recordedAt) {

    public static final String PRODUCED = "produced";
    public static final String CONSUMED = "consumed";
}
