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
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        application.setDefaultProperties(Map.of(
                "spring.application.name", "reckoning-standalone",
                "spring.kafka.bootstrap-servers", bootstrap,
                "reckoning.data-dir", dataDir.toString()));
        try {
            ConfigurableApplicationContext context = application.run(args);
            if (broker != null) {
                EmbeddedKafkaBroker running = broker;
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent) {
                        running.close();
                    }
                });
            }
            return context;
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
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
