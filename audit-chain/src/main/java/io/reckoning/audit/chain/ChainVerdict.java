package io.reckoning.audit.chain;

/**
 * What verifying one stream found.
 *
 * @param valid                 true when every event links to the one before it, matches its hash, and agrees with
 *                              every published head
 * @param events                how many events were read
 * @param head                  the last event's sequence and stored hash; null for an empty stream
 * @param brokenAt              the first sequence where the chain is broken; null when valid
 * @param problem               what is wrong there, as a sentence; null when valid
 * @param publishedHeadsChecked how many heads published outside the database were compared
 */
public record ChainVerdict(boolean valid, long events, ChainHead head, Long brokenAt, String problem,
                           int publishedHeadsChecked) {
}
