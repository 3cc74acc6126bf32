package io.reckoning.command.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reckoning.support.json.ContractJsonModule;
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
 * keys sorted, the contract's JSON names), so formatting, key order and the format of the submitted document (JSON
 * or YAML) never make a new version.
 */
final class DefinitionDigest {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .addModule(new ContractJsonModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // absent and null are the same content, so a field added to the model later changes no digest
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
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
