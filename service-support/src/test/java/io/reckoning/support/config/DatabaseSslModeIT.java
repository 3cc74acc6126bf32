package io.reckoning.support.config;

import io.reckoning.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sslmode} in {@code DATABASE_URL} reaches the driver: the test server speaks no TLS, so {@code require}
 * must fail to connect where {@code disable} succeeds.
 */
class DatabaseSslModeIT {

    @Test
    void shouldPassSslModeToTheDriver() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            URI jdbc = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            String base = "postgresql://" + database.username() + "@" + jdbc.getHost() + ":" + jdbc.getPort() + jdbc.getPath();

            DatabaseUrl plain = DatabaseUrl.parse(base + "?sslmode=disable");
            try (Connection connection = DriverManager.getConnection(plain.jdbcUrl(), plain.username(), database.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
            DatabaseUrl tls = DatabaseUrl.parse(base + "?sslmode=require");
            assertThatThrownBy(() -> DriverManager.getConnection(tls.jdbcUrl(), tls.username(), database.password()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("SSL");
        }
    }
}
