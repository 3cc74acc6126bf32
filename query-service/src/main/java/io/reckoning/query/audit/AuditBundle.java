package io.reckoning.query.audit;

import io.reckoning.audit.chain.ChainHead;
import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.query.history.RunHistory;
import io.reckoning.support.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A run's audit bundle, streamed: {@code {format, runId, exportedAt, definition, events, head}}. {@code definition}
 * is the snapshot the run's {@code RunStarted} recorded (workflow, version, digest, definition, inputs); every event
 * carries its metadata and hashes; {@code head} is the last event's {@code {runId, sequence, hash}}. The audit verifier
 * checks it offline; keeping the bundle (or just its head) somewhere else makes it a witness of the chain head.
 */
@Component
class AuditBundle {

    static final String FORMAT = "reckoning-audit-bundle/1";
    private static final List<String> DEFINITION_FIELDS = List.of("workflow", "version", "digest", "definition", "inputs");

    private final RunHistory history;

    AuditBundle(RunHistory history) {
        this.history = history;
    }

    /** The definition snapshot of the run; 404 when the run does not exist. */
    ObjectNode definition(String runId) {
        List<ChainedEvent> first = history.page(runId, -1, 1);
        if (first.isEmpty() || first.get(0).sequence() != 0 || !"RunStarted".equals(first.get(0).type())) {
            throw ApiException.runNotFound(runId);
        }
        ObjectNode definition = HashChain.json().createObjectNode();
        JsonNode started = first.get(0).payload();
        DEFINITION_FIELDS.forEach(field -> definition.set(field, started.get(field)));
        return definition;
    }

    void write(String runId, ObjectNode definition, OutputStream out) {
        JsonGenerator json = HashChain.json().createGenerator(out);
        json.writeStartObject();
        json.writeName("format");
        json.writeString(FORMAT);
        json.writeName("runId");
        json.writeString(runId);
        json.writeName("exportedAt");
        json.writeString(Instant.now().toString());
        json.writeName("definition");
        json.writeTree(definition);
        json.writeName("events");
        json.writeStartArray();
        ChainHead[] head = new ChainHead[1];
        history.forEach(runId, -1, event -> {
            json.writeTree(event.toJson());
            head[0] = new ChainHead(runId, event.sequence(), event.hash());
        });
        json.writeEndArray();
        json.writeName("head");
        json.writePOJO(head[0]);
        json.writeEndObject();
        json.flush();
    }
}
