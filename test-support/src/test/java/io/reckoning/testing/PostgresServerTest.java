package io.reckoning.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void shouldReadTheUrlForm() {
        PostgresServer server = PostgresServer.parse("postgresql://reckoning:s3cret@db.example:6543/app");

        assertThat(server).isEqualTo(new PostgresServer("db.example:6543", "reckoning", "s3cret", ""));
        assertThat(server.jdbcUrl("reckoning_test_0a1b2c3d"))
                .isEqualTo("jdbc:postgresql://db.example:6543/reckoning_test_0a1b2c3d");
    }

    @Test
    void shouldReadTheJdbcForm() {
        PostgresServer server = PostgresServer.parse(
                "jdbc:postgresql://127.0.0.1:5432/app?user=root&password=pw&sslmode=disable");

        assertThat(server).isEqualTo(new PostgresServer("127.0.0.1:5432", "root", "pw", "sslmode=disable"));
        assertThat(server.jdbcUrl("other")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?sslmode=disable");
    }

    @Test
    void shouldReadTheShortSchemeAndKeepParameters() {
        PostgresServer server = PostgresServer.parse("postgres://reckoning@localhost/app?sslmode=require");

        assertThat(server).isEqualTo(new PostgresServer("localhost", "reckoning", null, "sslmode=require"));
    }

    @Test
    void shouldDecodePercentEscapesButKeepPlusSigns() {
        PostgresServer server = PostgresServer.parse("postgresql://re%40ckoning:a+b%2Fc%3A@host:5432/db");

        assertThat(server.username()).isEqualTo("re@ckoning");
        assertThat(server.password()).isEqualTo("a+b/c:");
    }

    @Test
    void shouldFallBackToTheOsUserWithoutAUser() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://host:5432/db");

        assertThat(server.username()).isEqualTo(System.getProperty("user.name"));
        assertThat(server.password()).isNull();
    }

    @Test
    void shouldRejectOtherUrls() {
        assertThatThrownBy(() -> PostgresServer.parse("mysql://root@host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a PostgreSQL URL");
    }

    @Test
    void shouldNotShowThePasswordInItsDescription() {
        assertThat(PostgresServer.parse("postgresql://reckoning:s3cret@host:5432/db"))
                .hasToString("jdbc:postgresql://host:5432/postgres as reckoning");
    }
}
