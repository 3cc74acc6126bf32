package io.reckoning.standalone;

import io.reckoning.command.CommandServiceApplication;
import io.reckoning.embeddedkafka.EmbeddedKafkaBroker;
import io.reckoning.executor.ExecutorServiceApplication;
import io.reckoning.query.QueryServiceApplication;
import io.reckoning.support.config.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole engine in one process: command-, query- and executor-service in one Spring context on one port,
 * plus a single-node Kafka broker whose log lives under {@code RECKONING_DATA_DIR} (default {@code ./data}), so a
 * restart on the same directory and database continues where the engine stopped.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = {CommandServiceApplication.class, QueryServiceApplication.class,
        ExecutorServiceApplication.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class StandaloneEngine {

    private static final Logger log = LoggerFactory.getLogger(StandaloneEngine.class);
    static final int DEFAULT_KAFKA_PORT = 9092;
    private static final String COMMAND_LINE = CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME;

    public static void main(String[] args) {
        run(System.getenv(), args);
    }

    /** Starts the engine; the broker stops when the returned context closes. */
    public static ConfigurableApplicationContext run(Map<String, String> environment, String... args) {
        Path dataDir = Path.of(environment.getOrDefault("RECKONING_DATA_DIR", "data")).toAbsolutePath();
        DatabaseUrl database = DatabaseUrl.parse(environment.get("DATABASE_URL"));
        Database.ensureExists(database);

        SpringApplication application = new SpringApplication(StandaloneEngine.class);
        EmbeddedKafkaBroker broker = null;
        String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            int port = Integer.parseInt(environment.getOrDefault("RECKONING_KAFKA_PORT", String.valueOf(DEFAULT_KAFKA_PORT)));
            broker = startBroker(dataDir.resolve("kafka"), port);
            bootstrap = broker.bootstrapServers();
            log.info("Embedded Kafka broker listening on {} with its log in {}", bootstrap, dataDir.resolve("kafka"));
        }
        Map<String, Object> resolved = new HashMap<>();
        resolved.put("spring.application.name", "reckoning-standalone");
        resolved.put("spring.kafka.bootstrap-servers", bootstrap);
        resolved.put("reckoning.data-dir", dataDir.toString());
        resolved.put("spring.datasource.url", database.jdbcUrl());
        if (database.username() != null) {
            resolved.put("spring.datasource.username", database.username());
        }
        if (database.password() != null) {
            resolved.put("spring.datasource.password", database.password());
        }
        application.addInitializers(context -> resolvedSettings(context.getEnvironment(), resolved));
        BrokerLifecycle lifecycle = broker == null ? null : new BrokerLifecycle(broker);
        if (lifecycle != null) {
            application.addInitializers(context -> context.getBeanFactory()
                    .registerSingleton("embeddedKafkaBroker", lifecycle));
        }
        try {
            return application.run(args);
        } catch (RuntimeException e) {
            if (lifecycle != null) {
                lifecycle.stop();
            }
            throw e;
        }
    }

    /**
     * What this launcher worked out (the broker it started, the database it checked) outranks configuration
     * files and shared defaults; only command-line arguments still override it.
     */
    private static void resolvedSettings(ConfigurableEnvironment environment, Map<String, Object> resolved) {
        MapPropertySource source = new MapPropertySource("reckoningStandalone", resolved);
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(COMMAND_LINE)) {
            sources.addAfter(COMMAND_LINE, source);
        } else {
            sources.addFirst(source);
        }
    }

    private static EmbeddedKafkaBroker startBroker(Path directory, int port) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the Kafka log directory " + directory, e);
        }
        return EmbeddedKafkaBroker.start(directory, port);
    }
}
