package io.reckoning.support.health;

import io.reckoning.support.testapp.HealthTestApplication;
import io.reckoning.testing.InfrastructureInitializer;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The database disappears under a running service: every health endpoint answers 503 instead of hanging. */
@ReckoningIntegrationTest(classes = HealthTestApplication.class)
class DatabaseOutageIT {

    @LocalServerPort
    int port;

    @Value("${" + InfrastructureInitializer.DATABASE_NAME_PROPERTY + "}")
    String database;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void shouldAnswer503WhenTheDatabaseIsGone() throws Exception {
        assertThat(Http.get(port, "/db/ping").status()).isEqualTo(200);

        try (Connection admin = DriverManager.getConnection(url.replace("/" + database, "/postgres"), username, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }

        Http.Response ping = Http.get(port, "/db/ping");
        Http.Response health = Http.get(port, "/api/health");
        Http.Response readiness = Http.get(port, "/actuator/health/readiness");

        assertThat(ping.status()).isEqualTo(503);
        assertThat(ping.json().get("status").asText()).isEqualTo("unavailable");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("unavailable");
        assertThat(health.json().get("uptime").asLong()).isNotNegative();
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(Http.get(port, "/health").status()).as("liveness does not depend on the database").isEqualTo(200);
    }
}
