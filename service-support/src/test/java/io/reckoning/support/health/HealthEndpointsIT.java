package io.reckoning.support.health;

import io.reckoning.support.testapp.HealthTestApplication;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ReckoningIntegrationTest(classes = HealthTestApplication.class,
        properties = "management.endpoint.health.group.readiness.show-components=always")
class HealthEndpointsIT {

    @LocalServerPort
    int port;

    @Test
    void shouldBeReadyWhenTheDatabaseAndTheBrokerAnswer() {
        Http.Response readiness = Http.get(port, "/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().get("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "database", "kafka");
        assertThat(Http.get(port, "/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerTheSeedRunbooksHealthChecks() {
        Http.Response health = Http.get(port, "/api/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("db_size_mb").asDouble()).isPositive();
        assertThat(health.json().get("disk_free_gb").asDouble()).isPositive();
        assertThat(health.json().get("uptime").asLong()).isNotNegative();
        assertThat(Http.get(port, "/health").status()).isEqualTo(200);
        assertThat(Http.get(port, "/db/ping").json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheusOnTheActuator() {
        Http.Response actuator = Http.get(port, "/actuator");

        assertThat(actuator.json().get("_links").propertyNames()).allMatch(link ->
                link.equals("self") || link.startsWith("health") || link.equals("info") || link.equals("prometheus"));
        assertThat(Http.get(port, "/actuator/env").status()).isEqualTo(404);
        assertThat(Http.get(port, "/actuator/prometheus").body())
                .contains("reckoning_database_size_bytes").contains("reckoning_disk_free_bytes")
                .contains("reckoning_dead_letters_total{topic=\"reckoning.step-results\"} 0.0");
    }
}
