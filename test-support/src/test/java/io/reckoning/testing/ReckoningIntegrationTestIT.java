package io.reckoning.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

@ReckoningIntegrationTest(classes = InfrastructureInitializerIT.Application.class,
        properties = "reckoning.greeting=hello")
class ReckoningIntegrationTestIT {

    @Autowired
    DataSource dataSource;

    @Value("${" + InfrastructureInitializer.DATABASE_NAME_PROPERTY + "}")
    String databaseName;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${reckoning.greeting}")
    String greeting;

    @Test
    void shouldRunOnADatabaseOfItsOwn() {
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT current_database()", String.class))
                .isEqualTo(databaseName)
                .startsWith("reckoning_test_");
    }

    @Test
    void shouldPointKafkaAtTheTestBroker() {
        assertThat(bootstrapServers).isEqualTo(TestKafka.bootstrapServers());
    }

    @Test
    void shouldPassOnExtraProperties() {
        assertThat(greeting).isEqualTo("hello");
    }
}
