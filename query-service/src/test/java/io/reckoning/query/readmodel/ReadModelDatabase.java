package io.reckoning.query.readmodel;

import io.reckoning.query.config.QueryConfiguration;
import io.reckoning.support.db.SchemaMigration;
import io.reckoning.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh PostgreSQL database with query-service's schema migrated, for testing projections by calling their
 * handlers directly: no Spring context, no Axon, a real database. Dropped on {@link #close()}.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final JdbcTemplate jdbc;

    private ReadModelDatabase(TestDatabase database, JdbcTemplate jdbc) {
        this.database = database;
        this.jdbc = jdbc;
    }

    public static ReadModelDatabase create() {
        TestDatabase database = TestDatabase.create();
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                    database.password());
            new SchemaMigration(dataSource, QueryConfiguration.SCHEMA);
            return new ReadModelDatabase(database, new JdbcTemplate(dataSource));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        database.close();
    }
}
