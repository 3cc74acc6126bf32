package io.reckoning.query.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.query.config.QueryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Publishes {@value QueryMetrics#ATTESTATIONS_WAITING} and {@value QueryMetrics#ATTESTATIONS_OLDEST_WAIT} from the
 * operator inbox, recomputed every 15 seconds, so an alert can say that a run has waited too long.
 */
@Component
class AttestationGauges {

    private static final Logger log = LoggerFactory.getLogger(AttestationGauges.class);

    private final JdbcTemplate jdbc;
    private volatile double waiting;
    private volatile double oldestSeconds;

    AttestationGauges(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder(QueryMetrics.ATTESTATIONS_WAITING, this, gauges -> gauges.waiting)
                .description("Steps waiting for an attestation").register(meters);
        Gauge.builder(QueryMetrics.ATTESTATIONS_OLDEST_WAIT, this, gauges -> gauges.oldestSeconds).baseUnit("seconds")
                .description("How long the longest-waiting step has waited for its attestation").register(meters);
    }

    @Scheduled(fixedDelay = 15, initialDelay = 1, timeUnit = TimeUnit.SECONDS)
    void refresh() {
        try {
            jdbc.query("""
                    select count(*), coalesce(extract(epoch from now() - min(waiting_since)), 0)
                    from query.step_run where status = 'WAITING'""", rs -> {
                waiting = rs.getLong(1);
                oldestSeconds = Math.max(0, rs.getDouble(2));
            });
        } catch (DataAccessException e) {
            log.warn("Could not count the steps waiting for attestation; the gauges keep their last values.", e);
        }
    }
}
