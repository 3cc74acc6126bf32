package io.reckoning.audit.verifier;

import io.reckoning.audit.chain.ChainHead;
import io.reckoning.audit.chain.ChainVerdict;
import io.reckoning.audit.chain.ChainVerifier;
import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.List;

/**
 * Checks one audit bundle as it streams by, one event in memory at a time: the hash chain of its events (against any
 * heads published outside the database), that its definition snapshot is the one its first event recorded, and that
 * its head is its last event.
 */
final class BundleCheck {

    /** What the bundle holds and whether it holds up. */
    record Report(String runId, ChainVerdict chain, String bundleProblem) {

        boolean valid() {
            return chain.valid() && bundleProblem == null;
        }
    }

    private static final String FORMAT = "reckoning-audit-bundle/1";

    private BundleCheck() {
    }

    static Report check(InputStream bundle, List<ChainHead> publishedHeads) {
        String runId = null;
        JsonNode definition = null;
        JsonNode firstPayload = null;
        JsonNode head = null;
        ChainVerifier verifier = null;
        try (JsonParser parser = HashChain.json().createParser(bundle)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "a bundle is a JSON object");
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "format" -> expect(FORMAT.equals(parser.getString()), "unknown bundle format " + parser.getString());
                    case "runId" -> runId = parser.getString();
                    case "definition" -> definition = parser.readValueAsTree();
                    case "head" -> head = parser.readValueAsTree();
                    case "events" -> {
                        expect(runId != null, "runId must come before events");
                        verifier = new ChainVerifier(runId, publishedHeads);
                        expect(parser.currentToken() == JsonToken.START_ARRAY, "events is an array");
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            ChainedEvent event = ChainedEvent.fromJson(runId, parser.readValueAsTree());
                            if (event.sequence() == 0) {
                                firstPayload = event.payload();
                            }
                            verifier.accept(event);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        expect(verifier != null, "the bundle has no events");
        ChainVerdict chain = verifier.verdict();
        return new Report(runId, chain, bundleProblem(definition, firstPayload, head, chain));
    }

    private static String bundleProblem(JsonNode definition, JsonNode firstPayload, JsonNode head, ChainVerdict chain) {
        if (definition == null || firstPayload == null
                || !definition.path("definition").equals(firstPayload.path("definition"))
                || !definition.path("digest").equals(firstPayload.path("digest"))) {
            return "The definition snapshot is not the one the run's first event recorded.";
        }
        if (head == null || chain.head() == null || !chain.head().equals(ChainHead.from(head))) {
            return "The bundle's head is not its last event.";
        }
        return null;
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("Not an audit bundle: " + what + ".");
        }
    }
}
