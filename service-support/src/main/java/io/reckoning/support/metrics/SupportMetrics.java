package io.reckoning.support.metrics;

/**
 * The meters every service registers the same way, in one place: {@code reckoning.<noun>.<unit or verb>},
 * low-cardinality tags. Service-specific meters live in each service's own catalogue.
 */
public final class SupportMetrics {

    /** Size of the service's PostgreSQL database in bytes ({@code pg_database_size}). */
    public static final String DATABASE_SIZE = "reckoning.database.size";
    /** Free bytes on the filesystem that holds {@code RECKONING_DATA_DIR}. */
    public static final String DISK_FREE = "reckoning.disk.free";
    /** Kafka messages sent to {@code reckoning.dead-letter}; tag {@code topic}: the topic they came from. */
    public static final String DEAD_LETTERS = "reckoning.dead.letters";
    /**
     * How far a tracking processor is behind the head of the event store, in events (global index distance);
     * tag {@code group}: the processor's name.
     */
    public static final String PROCESSOR_LAG_EVENTS = "reckoning.processor.lag.events";
    /** Age of the oldest event a tracking processor has not handled yet, 0 when it is caught up; tag {@code group}. */
    public static final String PROCESSOR_LAG_SECONDS = "reckoning.processor.lag.seconds";

    private SupportMetrics() {
    }
}
