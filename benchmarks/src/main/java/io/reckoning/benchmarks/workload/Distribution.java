package io.reckoning.benchmarks.workload;

import java.util.Arrays;

/** Latency samples in microseconds, safe to add to from any thread; percentiles by nearest rank. */
final class Distribution {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    synchronized void clear() {
        size = 0;
    }

    /** The smallest sample at or above {@code percent} of all samples (nearest rank), in ms; NaN when empty. */
    synchronized double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1] / 1000.0;
    }

    synchronized double maxMillis() {
        return percentileMillis(100);
    }
}
