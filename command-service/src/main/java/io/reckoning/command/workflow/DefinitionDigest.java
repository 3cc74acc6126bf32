package io.reckoning.command.workflow;

import io.reckoning.workflow.WorkflowDefinition;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a definition's content: sha256 over its canonical JSON (record fields in declaration order, map
 * keys sorted), so formatting and key order in the submitted document never make a new version.
 */
final class DefinitionDigest {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DefinitionDigest() {
    }

    static String of(WorkflowDefinition definition) {
        byte[] canonical = CANONICAL.writeValueAsString(definition).getBytes(StandardCharsets.UTF_8);
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
