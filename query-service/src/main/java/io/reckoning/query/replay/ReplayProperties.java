package io.reckoning.query.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Projection replay settings.
 *
 * @param batchSize   events a replay processor applies per transaction (default 500; a live processor applies what is
 *                    there, up to {@code reckoning.processors.batch-size})
 * @param segments    segments (and threads) a replay processor splits the event store into, by run (default 1)
 * @param lockTimeout how long the swap waits for the tables' locks before it rolls back and tries again (default
 *                    2 s); queries arriving meanwhile wait behind it, so keep it short
 */
@ConfigurationProperties("reckoning.query.replay")
public record ReplayProperties(Integer batchSize, Integer segments, Duration lockTimeout) {

    public ReplayProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        segments = segments == null ? 1 : segments;
        lockTimeout = lockTimeout == null ? Duration.ofSeconds(2) : lockTimeout;
        if (batchSize < 1) {
            throw new IllegalArgumentException("reckoning.query.replay.batch-size must be at least 1, not " + batchSize + ".");
        }
        if (segments < 1) {
            throw new IllegalArgumentException("reckoning.query.replay.segments must be at least 1, not " + segments + ".");
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("reckoning.query.replay.lock-timeout must be positive, not " + lockTimeout + ".");
        }
    }
}
