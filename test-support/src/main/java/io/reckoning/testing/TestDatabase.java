package io.reckoning.testing;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, empty PostgreSQL database of its own, dropped on {@link #close()}.
 * <p>
 * Where the server is comes from {@code DATABASE_URL}, else PostgreSQL on 127.0.0.1:5432 as
 * {@code root}, else a {@code postgres:15} Testcontainers container when Docker is available.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String NAME_PREFIX = "reckoning_test_";

    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a database named {@code reckoning_test_<8 random hex digits>}. */
    public static TestDatabase create() {
        PostgresServer server = SharedPostgres.server();
        String name = NAME_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try {
            server.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + server, e);
        }
        return new TestDatabase(server, name);
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String username() {
        return server.username();
    }

    /** The password, or {@code null} where the server trusts the user. */
    public String password() {
        return server.password();
    }

    public String name() {
        return name;
    }

    /** Drops the database, ending any connections still open on it. */
    @Override
    public void close() {
        try {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + " on " + server, e);
        }
    }
}
