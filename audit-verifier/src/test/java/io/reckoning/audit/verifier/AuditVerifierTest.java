package io.reckoning.audit.verifier;

import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierTest {

    private static final String RUN = "7f3c9a2e-4b1d-4c8e-9a6f-2d5e8b1c3f70";
    private static final String DEFINITION = "{\"name\":\"demo\",\"steps\":[{\"id\":\"a\",\"type\":\"transform\"}]}";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void shouldAcceptAnUntouchedBundle() throws IOException {
        int exit = run(write(bundle(chain("1.50"))));

        assertThat(exit).isEqualTo(AuditVerifier.VALID);
        assertThat(output()).contains("run " + RUN + ": 3 events").contains("VALID: head sequence 2");
    }

    @Test
    void shouldNameTheFirstBrokenSequenceOfAChangedBundle() throws IOException {
        ObjectNode bundle = bundle(chain("1.50"));
        ((ObjectNode) bundle.get("events").get(1).get("payload")).put("value", "1.51");

        assertThat(run(write(bundle))).isEqualTo(AuditVerifier.BROKEN);
        assertThat(output()).contains("BROKEN at sequence 1");
    }

    @Test
    void shouldCompareWithHeadsPublishedAsCloudEvents() throws IOException {
        List<ChainedEvent> original = chain("1.50");
        Path heads = dir.resolve("heads.ndjson");
        Files.writeString(heads, "{\"subject\":\"" + RUN + "\",\"sequence\":2,\"reckoninghash\":\"" + original.get(2).hash()
                + "\",\"data\":{}}\n{\"subject\":\"workflow-x\",\"sequence\":0,\"reckoninghash\":null}\n42\n");

        assertThat(run(write(bundle(original)), "--heads", heads.toString())).isEqualTo(AuditVerifier.VALID);
        assertThat(run(write(bundle(chain("9.99"))), "--heads", heads.toString())).isEqualTo(AuditVerifier.BROKEN);
        assertThat(output()).as("only where a head was published").contains("BROKEN at sequence 2").contains("rewritten");
    }

    @Test
    void shouldRefuseABundleWhoseDefinitionIsNotTheOneItsRunStartedWith() throws IOException {
        ObjectNode bundle = bundle(chain("1.50"));
        ((ObjectNode) bundle.get("definition").get("definition")).put("name", "other");

        assertThat(run(write(bundle))).isEqualTo(AuditVerifier.BROKEN);
        assertThat(output()).contains("definition snapshot");
    }

    @Test
    void shouldExplainWhatItCannotRead() throws IOException {
        Path notABundle = dir.resolve("x.json");
        Files.writeString(notABundle, "[1, 2]");

        assertThat(run(notABundle)).isEqualTo(AuditVerifier.UNREADABLE);
        assertThat(run(dir.resolve("missing.json"))).isEqualTo(AuditVerifier.UNREADABLE);
        assertThat(AuditVerifier.run(new String[0], new PrintStream(out), new PrintStream(out))).isEqualTo(AuditVerifier.UNREADABLE);
        assertThat(output()).contains("usage: java -jar audit-verifier.jar bundle.json [--heads heads.ndjson]");
    }

    private int run(Path bundle, String... more) {
        List<String> args = new ArrayList<>(List.of(bundle.toString()));
        args.addAll(List.of(more));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return AuditVerifier.run(args.toArray(String[]::new), print, print);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(JsonNode bundle) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".json");
        Files.write(file, HashChain.json().writeValueAsBytes(bundle));
        return file;
    }

    private static ObjectNode bundle(List<ChainedEvent> events) {
        ObjectNode bundle = HashChain.json().createObjectNode();
        bundle.put("format", "reckoning-audit-bundle/1");
        bundle.put("runId", RUN);
        bundle.put("exportedAt", "2026-03-01T15:00:00Z");
        ObjectNode definition = bundle.putObject("definition");
        definition.set("definition", events.get(0).payload().get("definition").deepCopy());
        definition.set("digest", events.get(0).payload().get("digest"));
        ArrayNode array = bundle.putArray("events");
        events.forEach(event -> array.add(event.toJson()));
        ChainedEvent last = events.get(events.size() - 1);
        bundle.putObject("head").put("runId", RUN).put("sequence", last.sequence()).put("hash", last.hash());
        return bundle;
    }

    private static List<ChainedEvent> chain(String value) {
        List<JsonNode> payloads = List.of(
                HashChain.parse(("{\"runId\":\"" + RUN + "\",\"digest\":\"d1\",\"definition\":" + DEFINITION + "}").getBytes()),
                HashChain.parse(("{\"runId\":\"" + RUN + "\",\"stepId\":\"a\",\"value\":" + value + "}").getBytes()),
                HashChain.parse(("{\"runId\":\"" + RUN + "\"}").getBytes()));
        List<String> types = List.of("RunStarted", "StepSucceeded", "RunSucceeded");
        List<ChainedEvent> events = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            ObjectNode metadata = HashChain.json().createObjectNode().put("correlationId", "c");
            ChainedEvent unhashed = new ChainedEvent(RUN, sequence, "e" + sequence, types.get(sequence), "1",
                    "2026-03-01T14:00:0" + sequence + ".000Z", payloads.get(sequence), metadata, previous, null);
            String hash = HashChain.hash(previous, unhashed);
            events.add(new ChainedEvent(RUN, sequence, unhashed.eventId(), unhashed.type(), "1", unhashed.timestamp(),
                    unhashed.payload(), metadata, previous, hash));
            previous = hash;
        }
        return events;
    }
}
