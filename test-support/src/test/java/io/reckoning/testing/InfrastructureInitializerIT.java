package io.reckoning.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class InfrastructureInitializerIT {

    @Test
    void shouldOverrideTheApplicationsSettingsAndDropTheDatabaseAfterThePoolClosed() throws SQLException {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .initializers(new InfrastructureInitializer())
                .run("--spring.datasource.url=jdbc:postgresql://unreachable.invalid/app",
                        "--spring.kafka.bootstrap-servers=unreachable.invalid:9092");
        String name = context.getEnvironment().getProperty(InfrastructureInitializer.DATABASE_NAME_PROPERTY);
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(name);
        }
        assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestKafka.bootstrapServers());

        context.close();

        assertThat(TestDatabaseIT.exists(name)).isFalse();
    }

    @Test
    void shouldGiveEveryContextItsOwnDatabase() {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            assertThat(first.getEnvironment().getProperty(InfrastructureInitializer.DATABASE_NAME_PROPERTY))
                    .isNotEqualTo(second.getEnvironment().getProperty(InfrastructureInitializer.DATABASE_NAME_PROPERTY));
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .initializers(new InfrastructureInitializer())
                .run();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
