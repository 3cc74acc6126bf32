package io.reckoning.audit.chain;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final String RUN = "run-1";

    @Test
    void shouldCanonicalizeWithSortedMembersAndNumbersAsWritten() {
        String json = "{ \"b\": [2, 1.50, {\"z\": null, \"a\": \"é\"}], \"a\": 1e2 }";

        assertThat(HashChain.canonical(HashChain.parse(json.getBytes())))
                .isEqualTo("{\"a\":1E+2,\"b\":[2,1.50,{\"a\":\"é\",\"z\":null}]}");
    }

    @Test
    void shouldChainTheFirstEventFromTheGenesisHash() {
        List<ChainedEvent> stream = chain(1);

        assertThat(stream.get(0).prevHash()).isEqualTo("0".repeat(64));
        assertThat(stream.get(0).hash()).matches("[0-9a-f]{64}").isEqualTo(HashChain.hash(HashChain.GENESIS, stream.get(0)));
    }

    @Test
    void shouldAcceptAnUntouchedStreamAndReportItsHead() {
        List<ChainedEvent> stream = chain(3);

        ChainVerdict verdict = verify(stream, List.of(new ChainHead(RUN, 2, stream.get(2).hash())));

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.head()).isEqualTo(new ChainHead(RUN, 2, stream.get(2).hash()));
        assertThat(verdict.publishedHeadsChecked()).isEqualTo(1);
    }

    @Test
    void shouldNameTheEventWhosePayloadWasChanged() {
        List<ChainedEvent> stream = chain(3);
        ChainedEvent changed = stream.get(1);
        stream.set(1, new ChainedEvent(RUN, 1, changed.eventId(), changed.type(), changed.version(), changed.timestamp(),
                HashChain.parse("{\"step\":\"forged\"}".getBytes()), changed.metadata(), changed.prevHash(), changed.hash()));

        ChainVerdict verdict = verify(stream, List.of());

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.brokenAt()).isEqualTo(1);
        assertThat(verdict.problem()).contains("changed");
    }

    @Test
    void shouldNameTheGapWhereAnEventWasRemoved() {
        List<ChainedEvent> stream = chain(3);
        stream.remove(1);

        assertThat(verify(stream, List.of()).brokenAt()).isEqualTo(1);
    }

    @Test
    void shouldDetectRemovedLastEventsOnlyWithAPublishedHead() {
        List<ChainedEvent> stream = chain(3);
        ChainHead published = new ChainHead(RUN, 2, stream.get(2).hash());
        stream.remove(2);

        assertThat(verify(stream, List.of()).valid()).isTrue();
        ChainVerdict verdict = verify(stream, List.of(published));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.brokenAt()).isEqualTo(2);
        assertThat(verdict.problem()).contains("removed");
    }

    @Test
    void shouldDetectAConsistentlyRewrittenStreamOnlyWithAPublishedHead() {
        List<ChainedEvent> original = chain(3);
        List<ChainedEvent> rewritten = chain(3, "forged");

        assertThat(verify(rewritten, List.of()).valid()).isTrue();
        ChainVerdict verdict = verify(rewritten, List.of(new ChainHead(RUN, 2, original.get(2).hash()),
                new ChainHead("another-run", 0, "f".repeat(64))));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.brokenAt()).isEqualTo(2);
        assertThat(verdict.problem()).contains("rewritten");
    }

    @Test
    void shouldReadHeadsFromCloudEventsAndFromHeadRecords() {
        ChainHead fromCloudEvent = ChainHead.from(HashChain.parse(
                "{\"subject\":\"r\",\"sequence\":4,\"reckoninghash\":\"ab\",\"data\":{}}".getBytes()));
        ChainHead fromRecord = ChainHead.from(HashChain.parse("{\"runId\":\"r\",\"sequence\":4,\"hash\":\"ab\"}".getBytes()));

        assertThat(fromCloudEvent).isEqualTo(new ChainHead("r", 4, "ab")).isEqualTo(fromRecord);
        assertThat(ChainHead.from(HashChain.parse("{\"subject\":\"r\"}".getBytes()))).isNull();
    }

    private static ChainVerdict verify(List<ChainedEvent> stream, List<ChainHead> heads) {
        ChainVerifier verifier = new ChainVerifier(RUN, heads);
        stream.forEach(verifier::accept);
        return verifier.verdict();
    }

    private static List<ChainedEvent> chain(int length) {
        return chain(length, "genuine");
    }

    private static List<ChainedEvent> chain(int length, String content) {
        List<ChainedEvent> stream = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int sequence = 0; sequence < length; sequence++) {
            ObjectNode metadata = HashChain.json().createObjectNode().put("correlationId", "c-" + sequence);
            ChainedEvent unhashed = new ChainedEvent(RUN, sequence, "e-" + sequence, "StepStarted", "1",
                    "2026-01-01T00:00:0" + sequence + ".000Z",
                    HashChain.parse(("{\"step\":\"" + content + "\",\"attempt\":1}").getBytes()), metadata, previous, null);
            String hash = HashChain.hash(previous, unhashed);
            stream.add(new ChainedEvent(RUN, sequence, unhashed.eventId(), unhashed.type(), unhashed.version(),
                    unhashed.timestamp(), unhashed.payload(), metadata, previous, hash));
            previous = hash;
        }
        return stream;
    }
}
