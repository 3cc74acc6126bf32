package io.reckoning.testing;

import java.util.Map;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at a fresh {@link TestDatabase} of its own and at the JVM's
 * {@link TestKafka}, overriding whatever the application's configuration says, and drops the
 * database when the context closes.
 * <p>
 * Module integration tests exercise behaviour, not authentication, so they run with {@code RECKONING_AUTH=none}
 * (at the lowest precedence: a test's own properties can switch authentication back on). Authentication and roles
 * are tested on the standalone engine with real tokens ({@code SecurityIT}, {@code JwtAuthenticationIT}).
 */
public final class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The name of the context's database, e.g. for assertions on pg_database. */
    public static final String DATABASE_NAME_PROPERTY = "reckoning.test.database-name";

    private static final String PROPERTY_SOURCE = "reckoningTestInfrastructure";
    private static final String DATABASE_BEAN = "reckoningTestDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            throw new IllegalStateException("Unsupported application context: " + context.getClass().getName());
        }
        String bootstrapServers = TestKafka.bootstrapServers();
        TestDatabase database = TestDatabase.create();
        // Disposable beans are destroyed in reverse order of registration: registered before any
        // other bean, the database is dropped last, after the connection pool has closed.
        registry.registerDisposableBean(DATABASE_BEAN, database::close);

        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password() == null ? "" : database.password(),
                "spring.kafka.bootstrap-servers", bootstrapServers,
                DATABASE_NAME_PROPERTY, database.name())));
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE + "Defaults",
                Map.of("reckoning.security.auth", "none")));
    }
}
