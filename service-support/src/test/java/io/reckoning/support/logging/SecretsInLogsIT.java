package io.reckoning.support.logging;

import io.reckoning.support.testapp.HealthTestApplication;
import io.reckoning.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started from a {@code DATABASE_URL} with a password in it, logging JSON with the data source's debug
 * output on: the password appears nowhere in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIT {

    @Test
    void shouldNeverLogTheDatabasePassword(CapturedOutput output) {
        try (TestDatabase database = TestDatabase.create()) {
            // With trust authentication any password is accepted; with a real one, the real password is the secret.
            String password = database.password() == null ? "N0t-In-The-Logs-4711" : database.password();
            URI jdbc = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            String url = "postgresql://" + database.username() + ":" + password + "@" + jdbc.getHost() + ":"
                    + jdbc.getPort() + jdbc.getPath();

            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(HealthTestApplication.class).run(
                    "--DATABASE_URL=" + url, "--RECKONING_LOG_FORMAT=json", "--server.port=0",
                    "--spring.kafka.admin.auto-create=false",
                    "--logging.level.com.zaxxer.hikari=DEBUG", "--logging.level.org.springframework.jdbc=DEBUG",
                    "--logging.level.io.reckoning=DEBUG")) {
                new JdbcTemplate(service.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
            }

            assertThat(output.getAll()).contains("\"ecs\":{\"version\":").contains("HikariPool")
                    .doesNotContain(password);
        }
    }
}
