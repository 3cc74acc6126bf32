package io.reckoning.support.health;

import io.reckoning.support.config.ReckoningProperties;
import io.reckoning.support.metrics.StorageGauges;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health endpoints the seed runbooks promise: {@code /api/health} with database size, free disk and uptime;
 * {@code /health} for liveness; {@code /db/ping} for a database round trip. A database that does not answer
 * gives 503 within the query timeout, never a hang.
 */
@RestController
public class HealthController {

    static final int QUERY_TIMEOUT_SECONDS = 5;

    private final JdbcTemplate jdbc;
    private final ReckoningProperties properties;

    public HealthController(JdbcTemplate jdbc, ReckoningProperties properties) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        this.properties = properties;
    }

    @GetMapping("/api/health")
    public ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        HttpStatus status = HttpStatus.OK;
        try {
            Long bytes = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
            body.put("status", "ok");
            body.put("db_size_mb", round(bytes / (1024.0 * 1024.0)));
        } catch (DataAccessException e) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            body.put("status", "unavailable");
            body.put("db_size_mb", null);
            body.put("error", "The database does not answer.");
        }
        body.put("disk_free_gb", round(StorageGauges.usableBytes(properties.dataDir()) / (1024.0 * 1024.0 * 1024.0)));
        body.put("uptime", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toSeconds());
        return ResponseEntity.status(status).body(body);
    }

    @GetMapping("/health")
    public Map<String, String> live() {
        return Map.of("status", "ok");
    }

    @GetMapping("/db/ping")
    public ResponseEntity<Map<String, Object>> ping() {
        long started = System.nanoTime();
        try {
            jdbc.queryForObject("select 1", Integer.class);
            return ResponseEntity.ok(Map.of("status", "ok", "latency_ms", round((System.nanoTime() - started) / 1e6)));
        } catch (DataAccessException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "unavailable", "error", "The database does not answer."));
        }
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
