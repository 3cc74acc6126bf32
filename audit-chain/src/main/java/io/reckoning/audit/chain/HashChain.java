package io.reckoning.audit.chain;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The hash chain of an event stream, defined once: {@code hash = sha256(prevHash || canonical JSON of the
 * envelope)}, lowercase hex, where {@code prevHash} is the hash of the stream's previous event (64 zero digits for
 * the first) and the envelope is {@code {aggregateId, eventId, metadata, payload, sequence, timestamp, type,
 * version}}. docs/events.md spells out the canonical form; this class is its reference implementation.
 */
public final class HashChain {

    /** The metadata key of an event's own hash. */
    public static final String HASH = "hash";
    /** The metadata key of the previous event's hash. */
    public static final String PREV_HASH = "prevHash";
    /** What the first event of a stream chains from. */
    public static final String GENESIS = "0".repeat(64);

    // Floats are read as BigDecimal so that a number's digits survive every parse and re-serialization unchanged.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private HashChain() {
    }

    /** The mapper every party must parse stored JSON with before hashing it. */
    public static JsonMapper json() {
        return JSON;
    }

    public static JsonNode parse(byte[] json) {
        return json == null ? JSON.nullNode() : JSON.readTree(json);
    }

    /** The hash of {@code event} when it follows an event whose hash is {@code prevHash}. */
    public static String hash(String prevHash, ChainedEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(envelope(event)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** What is hashed of an event: everything but its own two hashes. */
    public static ObjectNode envelope(ChainedEvent event) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("aggregateId", event.aggregateId());
        envelope.put("eventId", event.eventId());
        envelope.set("metadata", event.metadata());
        envelope.set("payload", event.payload() == null ? JSON.nullNode() : event.payload());
        envelope.put("sequence", event.sequence());
        envelope.put("timestamp", event.timestamp());
        envelope.put("type", event.type());
        envelope.put("version", event.version());
        return envelope;
    }

    /**
     * Canonical JSON: no whitespace, object members sorted by name (UTF-16 code units, as {@link String#compareTo}),
     * array order kept, strings as Jackson escapes them (UTF-8, control characters and {@code "} and {@code \}
     * escaped), numbers as parsed by {@link #json()} (integers in decimal, others as {@link java.math.BigDecimal#toString()}).
     */
    public static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(node, generator);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator generator) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> member : members) {
                generator.writeName(member.getKey());
                write(member.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else if (node.isBigDecimal()) {
            generator.writeNumber(node.decimalValue());
        } else {
            generator.writeTree(node);
        }
    }
}
