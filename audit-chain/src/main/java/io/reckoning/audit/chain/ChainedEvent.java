package io.reckoning.audit.chain;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event of a stream as the hash chain sees it: the envelope that is hashed, plus the two hashes stored in its
 * metadata. {@code metadata} never holds {@value HashChain#HASH} or {@value HashChain#PREV_HASH} themselves.
 *
 * @param version   the payload revision as stored ({@code "1"}), or null
 * @param timestamp the timestamp exactly as the event store holds it (ISO-8601, UTC)
 * @param prevHash  the stored {@value HashChain#PREV_HASH}, or null for an event appended without a chain
 * @param hash      the stored {@value HashChain#HASH}, or null for an event appended without a chain
 */
public record ChainedEvent(String aggregateId, long sequence, String eventId, String type, String version,
                           String timestamp, JsonNode payload, ObjectNode metadata, String prevHash, String hash) {

    /** An event read back from storage, whose metadata still holds its hashes. */
    public static ChainedEvent stored(String aggregateId, long sequence, String eventId, String type, String version,
                                      String timestamp, JsonNode payload, JsonNode storedMetadata) {
        ObjectNode metadata = HashChain.json().createObjectNode();
        if (storedMetadata != null && storedMetadata.isObject()) {
            metadata.setAll((ObjectNode) storedMetadata);
        }
        JsonNode prevHash = metadata.remove(HashChain.PREV_HASH);
        JsonNode hash = metadata.remove(HashChain.HASH);
        return new ChainedEvent(aggregateId, sequence, eventId, type, version, timestamp, payload, metadata,
                prevHash == null || prevHash.isNull() ? null : prevHash.asString(),
                hash == null || hash.isNull() ? null : hash.asString());
    }

    /**
     * The event as history, bundles and the verifier exchange it: {@code sequence, eventId, type, version, timestamp,
     * payload, metadata, prevHash, hash}. {@code version} is a number when the stored revision is one.
     */
    public ObjectNode toJson() {
        ObjectNode json = HashChain.json().createObjectNode();
        json.put("sequence", sequence);
        json.put("eventId", eventId);
        json.put("type", type);
        if (version != null && version.chars().allMatch(Character::isDigit) && !version.isEmpty()) {
            json.put("version", Integer.parseInt(version));
        } else {
            json.put("version", version);
        }
        json.put("timestamp", timestamp);
        json.set("payload", payload);
        json.set("metadata", metadata);
        json.put(HashChain.PREV_HASH, prevHash);
        json.put(HashChain.HASH, hash);
        return json;
    }

    /** Reads what {@link #toJson()} wrote, for the stream {@code aggregateId}. */
    public static ChainedEvent fromJson(String aggregateId, JsonNode json) {
        ObjectNode metadata = HashChain.json().createObjectNode();
        if (json.path("metadata").isObject()) {
            metadata.setAll((ObjectNode) json.get("metadata"));
        }
        return new ChainedEvent(aggregateId, json.path("sequence").asLong(-1), text(json, "eventId"), text(json, "type"),
                text(json, "version"), text(json, "timestamp"), json.get("payload"), metadata,
                text(json, HashChain.PREV_HASH), text(json, HashChain.HASH));
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The metadata as stored: the envelope's metadata with the two hashes added back. */
    public ObjectNode storedMetadata() {
        ObjectNode stored = metadata.deepCopy();
        if (prevHash != null) {
            stored.put(HashChain.PREV_HASH, prevHash);
        }
        if (hash != null) {
            stored.put(HashChain.HASH, hash);
        }
        return stored;
    }
}
