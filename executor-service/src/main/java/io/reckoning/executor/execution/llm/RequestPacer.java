package io.reckoning.executor.execution.llm;

import java.util.concurrent.TimeUnit;

/**
 * The rate limit of one provider: calls start at least {@code 1 / rate} seconds apart (no bursts). A worker waits
 * here holding its slot, so a provider at its rate limit fills the slots and the intake pauses.
 */
final class RequestPacer {

    private final long intervalNanos;
    private long nextStart;

    /** @param ratePerSecond calls per second; 0 means no limit */
    RequestPacer(double ratePerSecond) {
        this.intervalNanos = ratePerSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
    }

    void awaitTurn() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextStart);
            nextStart = start + intervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
