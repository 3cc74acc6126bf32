package io.reckoning.benchmarks.store;

import io.reckoning.command.config.CommandConfiguration;
import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.eventstore.WireNameSerializer;
import io.reckoning.query.config.QueryConfiguration;
import io.reckoning.support.config.DatabaseUrl;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the database of an engine that has started once and handled nothing into that of an engine that has handled
 * {@code events} events: fills the event store by {@code COPY} ({@link EventStoreFill}), writes the workflow catalog
 * entry the registration would have written, vacuums the store, and puts every tracking processor of both token
 * tables at the head, so the next start neither publishes nor projects the filled history. The read models stay
 * empty: the filled runs are in the event store only. Run it while the engine is stopped; its first start created
 * the tables and one token row per processor segment, whatever processors that build has.
 */
public final class StorePrefill {

    /** The token tables of command-service (publisher, notifier) and query-service (the read models' processors). */
    static final List<String> TOKEN_TABLES = List.of(CommandConfiguration.SCHEMA + ".token_entry",
            QueryConfiguration.SCHEMA + ".token_entry");
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** What was done, and how long it took. */
    record Prefilled(long events, long runs, long head, int segmentsAtHead, Duration took) {

        double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    private final DatabaseUrl database;
    private final long events;

    public StorePrefill(DatabaseUrl database, long events) {
        if (events < 1) {
            throw new IllegalArgumentException("--events must be at least 1, not " + events + ".");
        }
        this.database = database;
        this.events = events;
    }

    /** Prefills and prints one {@code prefill.<figure>=value} line per figure. */
    public void run() throws SQLException, IOException, InterruptedException {
        Prefilled prefilled;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            prefilled = prefill(connection, events);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("prefill.events", String.valueOf(prefilled.events()));
        figures.put("prefill.runs", String.valueOf(prefilled.runs()));
        figures.put("prefill.head", String.valueOf(prefilled.head()));
        figures.put("prefill.segments_at_head", String.valueOf(prefilled.segmentsAtHead()));
        figures.put("prefill.seconds", "%.1f".formatted(prefilled.took().toMillis() / 1000.0));
        figures.put("prefill.events_per_second", "%.0f".formatted(prefilled.eventsPerSecond()));
        figures.forEach((name, value) -> System.out.println(name + "=" + value));
    }

    static Prefilled prefill(Connection connection, long events)
            throws SQLException, IOException, InterruptedException {
        long start = System.nanoTime();
        requireStartedOnceAndEmpty(connection);
        EventStoreFill.Filled filled = new EventStoreFill().fill(connection, events);
        registerInCatalog(connection);
        settle(connection);
        long head = TokensAtHead.head(connection);
        int segments = 0;
        for (String table : TOKEN_TABLES) {
            segments += TokensAtHead.moveAll(connection, table, head);
        }
        return new Prefilled(filled.events(), filled.runs(), head, segments,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Does now what PostgreSQL would otherwise do during the measurement: autovacuum visits a table after that many
     * inserts (and sets the hint bits reads would set), and a checkpoint writes the filled pages out.
     */
    private static void settle(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) " + EventStoreTables.EVENT_TABLE);
            try {
                statement.execute("checkpoint");
            } catch (SQLException e) {
                if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw e;
                }
                System.err.println("No checkpoint after the fill (it needs a superuser or pg_checkpoint): "
                        + e.getMessage());
            }
        }
    }

    private static void requireStartedOnceAndEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TOKEN_TABLES) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new IllegalStateException(table + " holds no tracking tokens: start the engine on this"
                                + " database once (and stop it) before prefilling, so that its processors exist.");
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("select exists (select 1 from " + EventStoreTables.EVENT_TABLE
                    + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("The event store already holds events: prefill needs the database"
                            + " of an engine that has started once and handled nothing.");
                }
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new IllegalStateException("No event store or token tables in this database: start the engine"
                        + " on it once (and stop it) before prefilling. " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** What the engine's subscribing workflow catalog writes in the registering transaction. */
    private static void registerInCatalog(Connection connection) throws SQLException {
        RunHistories.StoredEvent registration = RunHistories.registration();
        String definition = new WireNameSerializer().serialize(RunHistories.DEFINITION, String.class).getData();
        try (PreparedStatement insert = connection.prepareStatement("insert into " + CommandConfiguration.SCHEMA
                + ".workflow_definition (name, version, digest, definition, registered_at) values (?, 1, ?, ?::jsonb, ?)")) {
            insert.setString(1, RunHistories.WORKFLOW);
            insert.setString(2, RunHistories.DIGEST);
            insert.setString(3, definition);
            insert.setTimestamp(4, Timestamp.from(registration.at()));
            insert.executeUpdate();
        }
    }
}
