package io.reckoning.support.health;

import io.reckoning.support.testapp.HealthTestApplication;
import io.reckoning.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The durability check against a real PostgreSQL: its own SHOW answers, and one overridden for a database. */
@ExtendWith(OutputCaptureExtension.class)
class DurabilityCheckIT {

    @Test
    void shouldAcceptTheServersDefaults() {
        try (TestDatabase database = TestDatabase.create()) {
            assertThatNoException().isThrownBy(() -> DurabilityCheck.verify(dataSource(database)));
        }
    }

    @Test
    void shouldRefuseADatabaseWithSynchronousCommitOff() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            execute(database, "ALTER DATABASE " + database.name() + " SET synchronous_commit = off");

            assertThatThrownBy(() -> DurabilityCheck.verify(dataSource(database)))
                    .isInstanceOf(UnsafeDatabase.class)
                    .hasMessageStartingWith("Refusing to start: PostgreSQL may lose committed events in a crash")
                    .hasMessageContaining("synchronous_commit is off; it must be on")
                    .hasMessageNotContaining("fsync is");
        }
    }

    @Test
    void shouldStopAServiceFromStartingOnSuchADatabaseSayingWhatToDo(CapturedOutput output) throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            execute(database, "ALTER DATABASE " + database.name() + " SET synchronous_commit = off");

            assertThatThrownBy(() -> new SpringApplicationBuilder(HealthTestApplication.class)
                    .properties("spring.datasource.url=" + database.jdbcUrl(),
                            "spring.datasource.username=" + database.username(),
                            "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                            "spring.kafka.admin.auto-create=false", "server.port=0")
                    .run().close())
                    .rootCause().hasMessageContaining("synchronous_commit is off");
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                    .contains("Refusing to start: PostgreSQL may lose committed events in a crash (synchronous_commit is off")
                    .contains("ALTER DATABASE <name> RESET <setting>");
        }
    }

    private static DriverManagerDataSource dataSource(TestDatabase database) {
        return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
    }

    private static void execute(TestDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
