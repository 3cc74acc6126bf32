package io.reckoning.audit.chain;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies one stream, event by event in sequence order, without holding the stream in memory: sequences must run
 * 0, 1, 2... without gaps, each event's {@code prevHash} must be the hash of the event before it (the genesis hash
 * for the first), and its {@code hash} must be the hash of its own envelope. That catches any change, insertion or
 * removal inside the stream. What it cannot catch alone (the last events removed, or the whole stream rewritten with
 * every hash recomputed) is caught by comparing with heads published outside the database: each published
 * (sequence, hash) must still be there, unchanged.
 */
public final class ChainVerifier {

    private final String streamId;
    private final TreeMap<Long, String> published = new TreeMap<>();
    private long expected;
    private String previousHash = HashChain.GENESIS;
    private long events;
    private ChainHead head;
    private Long brokenAt;
    private String problem;
    private int headsChecked;

    /** @param publishedHeads heads witnessed outside the database; those of other streams are ignored */
    public ChainVerifier(String streamId, Collection<ChainHead> publishedHeads) {
        this.streamId = streamId;
        publishedHeads.stream().filter(head -> streamId.equals(head.runId()))
                .forEach(head -> published.put(head.sequence(), head.hash()));
    }

    /** The next event of the stream, in the order of the store. */
    public void accept(ChainedEvent event) {
        events++;
        head = new ChainHead(streamId, event.sequence(), event.hash());
        if (brokenAt != null) {
            return;
        }
        long sequence = event.sequence();
        if (sequence != expected) {
            broken(expected, sequence > expected
                    ? "Sequence " + expected + " is missing: the stream jumps to " + sequence + "."
                    : "Sequence " + sequence + " appears again after " + (expected - 1) + ".");
        } else if (event.hash() == null || event.prevHash() == null) {
            broken(sequence, "Sequence " + sequence + " carries no hash: it was not appended through the engine.");
        } else if (!previousHash.equals(event.prevHash())) {
            broken(sequence, "Sequence " + sequence + " does not link to the event before it: its prevHash is "
                    + event.prevHash() + ", expected " + previousHash + ".");
        } else if (!HashChain.hash(previousHash, event).equals(event.hash())) {
            broken(sequence, "Sequence " + sequence + " was changed: its content no longer matches its hash.");
        } else if (published.containsKey(sequence) && !published.get(sequence).equals(event.hash())) {
            broken(sequence, "Sequence " + sequence + " differs from its published head " + published.get(sequence)
                    + ": the stream was rewritten.");
        } else {
            headsChecked += published.containsKey(sequence) ? 1 : 0;
        }
        previousHash = event.hash() == null ? previousHash : event.hash();
        expected = sequence + 1;
    }

    public ChainVerdict verdict() {
        if (brokenAt == null && !published.isEmpty() && published.lastKey() >= expected) {
            Map.Entry<Long, String> last = published.lastEntry();
            broken(expected, "Sequence " + last.getKey() + " was published but the stream ends "
                    + (expected == 0 ? "before its first event" : "at " + (expected - 1)) + ": events were removed.");
        }
        return new ChainVerdict(brokenAt == null, events, head, brokenAt, problem, headsChecked);
    }

    private void broken(long sequence, String why) {
        brokenAt = sequence;
        problem = why;
    }
}
