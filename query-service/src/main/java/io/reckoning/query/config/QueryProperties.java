package io.reckoning.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * query-service settings.
 *
 * @param trustWindow     how far back the trust score looks: steps that finished within it count (default 30 days)
 * @param runViewSegments segments, split by run, that a new {@code run-view} processor starts with, each on a thread
 *                        of its own (default 2); a processor that already has its segments keeps them
 */
@ConfigurationProperties("reckoning.query")
public record QueryProperties(Duration trustWindow, Integer runViewSegments) {

    public QueryProperties {
        trustWindow = trustWindow == null ? Duration.ofDays(30) : trustWindow;
        if (trustWindow.isNegative() || trustWindow.isZero()) {
            throw new IllegalArgumentException("reckoning.query.trust-window must be positive, not " + trustWindow + ".");
        }
        runViewSegments = runViewSegments == null ? 2 : runViewSegments;
        if (runViewSegments < 1) {
            throw new IllegalArgumentException("reckoning.query.run-view-segments must be at least 1, not "
                    + runViewSegments + ".");
        }
    }
}
