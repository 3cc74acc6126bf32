package io.reckoning.standalone;

import io.reckoning.support.config.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Creates the engine's database on first start, so the quick start needs nothing but a PostgreSQL server. */
final class Database {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String INVALID_CATALOG_NAME = "3D000";

    private Database() {
    }

    static void ensureExists(DatabaseUrl database) {
        try (Connection ignored = DriverManager.getConnection(database.jdbcUrl(), credentials(database))) {
            return;
        } catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot reach PostgreSQL at " + database.jdbcUrl() + ": " + e.getMessage()
                        + " Set DATABASE_URL to postgresql://user:pass@host:port/db.", e);
            }
        }
        String name = database.databaseName();
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("Database " + name + " does not exist; create it (its name is too unusual"
                    + " to create automatically).");
        }
        DatabaseUrl maintenance = database.maintenance();
        try (Connection connection = DriverManager.getConnection(maintenance.jdbcUrl(), credentials(maintenance));
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
            log.info("Created database {}", name);
        } catch (SQLException e) {
            throw new IllegalStateException("Database " + name + " does not exist and could not be created: "
                    + e.getMessage(), e);
        }
    }

    private static Properties credentials(DatabaseUrl database) {
        Properties properties = new Properties();
        if (database.username() != null) {
            properties.setProperty("user", database.username());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        return properties;
    }
}
