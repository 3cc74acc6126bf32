package io.reckoning.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * query-service settings.
 *
 * @param trustWindow how far back the trust score looks: steps that finished within it count (default 30 days)
 */
@ConfigurationProperties("reckoning.query")
public record QueryProperties(Duration trustWindow) {

    public QueryProperties {
        trustWindow = trustWindow == null ? Duration.ofDays(30) : trustWindow;
        if (trustWindow.isNegative() || trustWindow.isZero()) {
            throw new IllegalArgumentException("reckoning.query.trust-window must be positive, not " + trustWindow + ".");
        }
    }
}
