package io.reckoning.command.preflight;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The task topics some executor consumes, looked up from the broker at most once per freshness window. A topic
 * missing from the last look is looked up again before anyone is told no, since an executor may have joined since.
 * A question waits for at most one look: when several arrive while the answer is stale, the first one looks and
 * the others take that look's answer, because it ended after they asked (without that, every run start of a stale
 * moment made its own two admin round trips, one after another, and the last waited seconds).
 */
final class ConsumedTopics {

    private record Look(Set<String> topics, long endedAt) {
    }

    private final Supplier<Set<String>> lookup;
    private final long freshForNanos;
    private final LongSupplier nanoClock;
    private volatile Look last;

    ConsumedTopics(Supplier<Set<String>> lookup, Duration freshFor, LongSupplier nanoClock) {
        this.lookup = lookup;
        this.freshForNanos = freshFor.toNanos();
        this.nanoClock = nanoClock;
        this.last = new Look(Set.of(), nanoClock.getAsLong() - freshForNanos - 1);
    }

    boolean contains(String topic) {
        long askedAt = nanoClock.getAsLong();
        Look look = last;
        if (askedAt - look.endedAt() > freshForNanos || !look.topics().contains(topic)) {
            look = lookEndedAfter(askedAt);
        }
        return look.topics().contains(topic);
    }

    private synchronized Look lookEndedAfter(long askedAt) {
        Look look = last;
        if (look.endedAt() - askedAt >= 0) {
            return look;
        }
        Set<String> topics = Set.copyOf(lookup.get());
        look = new Look(topics, nanoClock.getAsLong());
        last = look;
        return look;
    }
}
