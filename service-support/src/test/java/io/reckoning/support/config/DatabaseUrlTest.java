package io.reckoning.support.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void shouldTranslateTheRunbookFormToJdbc() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://alice:s%40cret@db.example:6543/engine?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/engine?sslmode=require");
        assertThat(url.username()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.databaseName()).isEqualTo("engine");
        assertThat(url.maintenance().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/postgres?sslmode=require");
    }

    @Test
    void shouldDefaultToTheLocalReckoningDatabase() {
        DatabaseUrl url = DatabaseUrl.parse(null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/reckoning");
        assertThat(url.username()).isNull();
    }

    @Test
    void shouldAcceptJdbcUrlsAsTheyAre() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
    }

    @Test
    void shouldRejectOtherSchemesWithAClearMessage() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/x"))
                .hasMessageContaining("DATABASE_URL must look like postgresql://");
    }

    @Test
    void shouldNeverPrintThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/d").toString()).doesNotContain("topsecret");
    }
}
