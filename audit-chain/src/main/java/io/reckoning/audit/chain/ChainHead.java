package io.reckoning.audit.chain;

import tools.jackson.databind.JsonNode;

/**
 * The hash of a stream's event at one sequence, as witnessed outside the database: a CloudEvent on
 * {@code reckoning.run-events} or an earlier audit bundle.
 */
public record ChainHead(String runId, long sequence, String hash) {

    /** CloudEvents extension attribute with the event's hash. */
    public static final String HASH_ATTRIBUTE = "reckoninghash";
    /** CloudEvents extension attribute with the previous event's hash. */
    public static final String PREV_HASH_ATTRIBUTE = "reckoningprevhash";
    /** CloudEvents extension attribute with the event's sequence in its stream. */
    public static final String SEQUENCE_ATTRIBUTE = "sequence";

    /**
     * Reads a head from either {@code {runId, sequence, hash}} or a CloudEvent from {@code reckoning.run-events}
     * ({@code subject}, {@value #SEQUENCE_ATTRIBUTE}, {@value #HASH_ATTRIBUTE}); null if it is neither.
     */
    public static ChainHead from(JsonNode json) {
        if (json.hasNonNull("runId") && json.hasNonNull("sequence") && json.hasNonNull("hash")) {
            return new ChainHead(json.get("runId").asString(), json.get("sequence").asLong(), json.get("hash").asString());
        }
        if (json.hasNonNull("subject") && json.hasNonNull(SEQUENCE_ATTRIBUTE) && json.hasNonNull(HASH_ATTRIBUTE)) {
            return new ChainHead(json.get("subject").asString(), json.get(SEQUENCE_ATTRIBUTE).asLong(),
                    json.get(HASH_ATTRIBUTE).asString());
        }
        return null;
    }
}
