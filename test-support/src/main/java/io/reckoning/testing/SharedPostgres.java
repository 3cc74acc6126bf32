package io.reckoning.testing;

import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds, once per JVM, the PostgreSQL server that test databases are created on: the one
 * {@code DATABASE_URL} names, else the local one; if that is unreachable and Docker is there,
 * a {@code postgres:15} container shared by the whole JVM.
 */
final class SharedPostgres {

    private static final String DATABASE_URL = "DATABASE_URL";
    private static final String IMAGE = "postgres:15";

    private static PostgresServer server;

    private SharedPostgres() {
    }

    static synchronized PostgresServer server() {
        if (server == null) {
            server = find();
        }
        return server;
    }

    private static PostgresServer find() {
        String databaseUrl = System.getenv(DATABASE_URL);
        PostgresServer configured = databaseUrl == null || databaseUrl.isBlank()
                ? PostgresServer.LOCAL
                : PostgresServer.parse(databaseUrl);
        try {
            configured.execute("SELECT 1");
            return configured;
        } catch (SQLException unreachable) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return startContainer();
            }
            throw new IllegalStateException("No PostgreSQL server for tests: connecting to " + configured
                    + (databaseUrl == null ? " (the default; DATABASE_URL is not set)" : " (from DATABASE_URL)")
                    + " failed with \"" + unreachable.getMessage() + "\", and there is no Docker engine for a "
                    + IMAGE + " Testcontainers container. Start PostgreSQL there or set DATABASE_URL, e.g. "
                    + "postgresql://user:password@host:5432/postgres.", unreachable);
        }
    }

    @SuppressWarnings("resource") // Lives as long as the JVM; Testcontainers removes it afterwards.
    private static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new PostgresServer(container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getUsername(), container.getPassword(), "");
    }
}
