package io.reckoning.support.health;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * Refuses to start a service on a PostgreSQL that may lose committed transactions in a crash (correctness over
 * availability). It checks the data source as soon as it exists, so before the schema migrations, the processors
 * or the listeners touch it, and fails the start with a sentence that names every setting to turn back on
 * ({@link UnsafeDatabaseAnalyzer} says what to do).
 */
public class DurabilityCheck implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            verify(dataSource);
        }
        return bean;
    }

    /** Throws when {@code fsync}, {@code synchronous_commit} or {@code full_page_writes} is off for this database. */
    public static void verify(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(HealthController.QUERY_TIMEOUT_SECONDS);
        List<String> problems = DurabilitySettings.show(name -> jdbc.queryForObject("show " + name, String.class))
                .problems();
        if (!problems.isEmpty()) {
            throw new UnsafeDatabase(problems);
        }
    }
}
