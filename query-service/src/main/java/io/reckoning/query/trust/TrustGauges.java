package io.reckoning.query.trust;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.reckoning.query.config.QueryMetrics;
import io.reckoning.query.config.QueryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Publishes {@value QueryMetrics#TRUST_SCORE} per workflow, recomputed every minute ({@code reckoning.query.trust-refresh})
 * over the trust window by the same query as the trust endpoint. A workflow whose steps all left the window loses its gauge.
 */
@Component
class TrustGauges {

    private static final Logger log = LoggerFactory.getLogger(TrustGauges.class);

    private final TrustScores scores;
    private final QueryProperties properties;
    private final MultiGauge gauge;

    TrustGauges(TrustScores scores, QueryProperties properties, MeterRegistry meters) {
        this.scores = scores;
        this.properties = properties;
        this.gauge = MultiGauge.builder(QueryMetrics.TRUST_SCORE)
                .description("Share of a workflow's finished steps that succeeded without a correction, over the trust window")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${reckoning.query.trust-refresh:PT60S}", initialDelayString = "PT5S")
    void refresh() {
        refresh(Instant.now());
    }

    /** Sets every workflow's gauge to its score over the window up to {@code now}, dropping those without one. */
    void refresh(Instant now) {
        try {
            gauge.register(scores.overall(properties.trustWindow(), now).entrySet().stream()
                    .map(score -> MultiGauge.Row.of(Tags.of("workflow", score.getKey()), score.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the trust scores; the gauges keep their last values.", e);
        }
    }
}
