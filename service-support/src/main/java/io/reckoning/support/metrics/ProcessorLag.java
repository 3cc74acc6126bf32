package io.reckoning.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far each tracking processor of this service is behind the event store, read from the token tables (so it is
 * true whichever replica owns the segments): the distance from the lowest position of its segments to the head of the
 * store, and the age of the oldest event it has not handled yet. Read when scraped, at most every {@link #REFRESH}.
 */
public class ProcessorLag {

    /** One processor's lag. */
    record Lag(long events, double seconds) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessorLag.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final JdbcTemplate jdbc;
    private final String eventTable;
    private final List<String> tokenTables;
    private final Serializer serializer;
    private final Clock clock;
    private Map<String, Lag> lags = Map.of();
    private long readAt;
    private boolean read;

    /**
     * @param eventTable  the event store's table (columns {@code global_index}, {@code time_stamp})
     * @param tokenTables the token tables of this service's processors
     * @param serializer  the serializer the token stores write tokens with
     */
    public ProcessorLag(DataSource dataSource, String eventTable, List<String> tokenTables, Serializer serializer,
                        Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        this.eventTable = eventTable;
        this.tokenTables = List.copyOf(tokenTables);
        this.serializer = serializer;
        this.clock = clock;
    }

    /** Registers the two gauges of every processor in {@code groups}. */
    public void register(Set<String> groups, MeterRegistry meters) {
        for (String group : groups) {
            Gauge.builder(SupportMetrics.PROCESSOR_LAG_EVENTS, this, lag -> lag.of(group).events())
                    .tag("group", group).strongReference(true).description("Events between a tracking processor's position and the head of the event store")
                    .register(meters);
            Gauge.builder(SupportMetrics.PROCESSOR_LAG_SECONDS, this, lag -> lag.of(group).seconds())
                    .tag("group", group).strongReference(true).description("Age of the oldest event a tracking processor has not handled yet")
                    .register(meters);
        }
    }

    Lag of(String group) {
        return current().getOrDefault(group, new Lag(0, 0));
    }

    private synchronized Map<String, Lag> current() {
        long now = System.nanoTime();
        if (!read || now - readAt > REFRESH.toNanos()) {
            try {
                lags = read();
            } catch (DataAccessException e) {
                log.debug("Could not read the processors' positions; the lag gauges keep their last values.", e);
            }
            readAt = now;
            read = true;
        }
        return lags;
    }

    /** Every processor's lag as the token tables and the event store say now. */
    Map<String, Lag> read() {
        Long head = jdbc.queryForObject("select max(global_index) from " + eventTable, Long.class);
        Map<String, Long> positions = new HashMap<>();
        for (String table : tokenTables) {
            jdbc.query("select processor_name, token_type, token from " + table, rs -> {
                long position = position(rs.getString(2), rs.getBytes(3));
                positions.merge(rs.getString(1), position, Math::min);
            });
        }
        Map<String, Lag> result = new HashMap<>();
        positions.forEach((group, position) -> result.put(group, lag(head == null ? -1 : head, position)));
        return result;
    }

    private Lag lag(long head, long position) {
        if (head <= position) {
            return new Lag(0, 0);
        }
        List<String> next = jdbc.queryForList("select time_stamp from " + eventTable
                + " where global_index > ? order by global_index limit 1", String.class, position);
        double seconds = next.isEmpty() ? 0
                : Math.max(0, Duration.between(Instant.parse(next.get(0)), clock.instant()).toMillis() / 1000.0);
        return new Lag(head - position, seconds);
    }

    /** The global index a stored token stands at; -1 for a processor that has not handled anything yet. */
    private long position(String tokenType, byte[] token) {
        if (token == null || tokenType == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
