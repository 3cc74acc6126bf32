package io.reckoning.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TestDatabaseIT {

    @Test
    void shouldCreateAUsableDatabaseAndDropItOnClose() throws SQLException {
        String name;
        try (TestDatabase database = TestDatabase.create()) {
            name = database.name();
            assertThat(name).matches("reckoning_test_[0-9a-f]{8}");
            assertThat(exists(name)).isTrue();

            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE workflow (id TEXT PRIMARY KEY)");
                statement.execute("INSERT INTO workflow VALUES ('w-1')");
                try (ResultSet rows = statement.executeQuery("SELECT current_database(), count(*) FROM workflow")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo(name);
                    assertThat(rows.getInt(2)).isEqualTo(1);
                }
            }
        }
        assertThat(exists(name)).isFalse();
    }

    @Test
    void shouldDropADatabaseThatStillHasConnections() throws SQLException {
        TestDatabase database = TestDatabase.create();
        try (Connection straggler = connect(database)) {
            database.close();
            assertThat(exists(database.name())).isFalse();
        }
    }

    @Test
    void shouldGiveEachCallADatabaseOfItsOwn() {
        try (TestDatabase first = TestDatabase.create(); TestDatabase second = TestDatabase.create()) {
            assertThat(first.name()).isNotEqualTo(second.name());
            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        }
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    static boolean exists(String database) throws SQLException {
        try (Connection connection = SharedPostgres.server().connect("postgres");
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
