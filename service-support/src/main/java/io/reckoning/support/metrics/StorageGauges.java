package io.reckoning.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.support.config.ReckoningProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Database size and free disk, the two numbers the workbench runbook watches ("should not exceed available disk
 * minus 5 GB"). Read when scraped, at most every {@link #REFRESH}, with a short query timeout: a database that does
 * not answer leaves the last value rather than holding the scrape.
 */
public class StorageGauges {

    static final Duration REFRESH = Duration.ofSeconds(15);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final JdbcTemplate jdbc;
    private final ReckoningProperties properties;
    private final Cached databaseSize = new Cached(this::readDatabaseSize);

    public StorageGauges(DataSource dataSource, ReckoningProperties properties, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        this.properties = properties;
        Gauge.builder(SupportMetrics.DATABASE_SIZE, databaseSize, Cached::value).baseUnit("bytes")
                .description("Size of the PostgreSQL database").register(meters);
        Gauge.builder(SupportMetrics.DISK_FREE, this, StorageGauges::diskFree).baseUnit("bytes")
                .description("Free space on the filesystem holding the data directory").register(meters);
    }

    private double diskFree() {
        return usableBytes(properties.dataDir());
    }

    /** Free bytes for {@code directory}, measured on its nearest existing ancestor (it may not exist yet). */
    public static long usableBytes(Path directory) {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? 0 : existing.toFile().getUsableSpace();
    }

    private long readDatabaseSize() {
        try {
            Long bytes = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
            return bytes == null ? -1 : bytes;
        } catch (DataAccessException e) {
            return -1;
        }
    }

    /** A value read again once it is older than {@link #REFRESH}; a failed read (-1) keeps the previous value. */
    private static final class Cached {

        private final LongSupplier reader;
        private double value = Double.NaN;
        private long readAt;

        Cached(LongSupplier reader) {
            this.reader = reader;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (Double.isNaN(value) || now - readAt > REFRESH.toNanos()) {
                long read = reader.getAsLong();
                if (read >= 0) {
                    value = read;
                }
                readAt = now;
            }
            return value;
        }
    }
}
