package io.reckoning.benchmarks.workload;

import io.reckoning.benchmarks.store.TokensAtHead;
import io.reckoning.support.config.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * How many events the engine's store holds: its highest global index, read from the index alone (a {@code count(*)}
 * of ten million rows would take seconds). The identity leaves a gap only where an append rolled back, so this is
 * the count to within those.
 */
final class EventStoreSize {

    private final DatabaseUrl database;

    EventStoreSize(DatabaseUrl database) {
        this.database = database;
    }

    long events() {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            return TokensAtHead.head(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the size of the event store at " + database.jdbcUrl(), e);
        }
    }
}
