package io.reckoning.support.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Maps the environment variables of the design contract ({@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code RECKONING_DATA_DIR}, {@code LLM_*}, the security variables ({@code RECKONING_AUTH}, {@code RECKONING_API_TOKENS}, ...), {@code RECKONING_LOG_FORMAT}, {@code RECKONING_LOG_FILE}) onto Spring's or Reckoning's own keys. Explicit {@code spring.*} settings still win, so tests
 * and operators can override either way. Also adds the shared defaults of {@value #DEFAULTS} below everything else.
 */
public class EnvironmentMapping implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "reckoningEnvironment";
    private static final String DEFAULTS = "reckoning-defaults.yml";
    private static final String DEFAULTS_NAME = "reckoningDefaults";
    private static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";
    private static final Map<String, String> LLM_VARIABLES = Map.of("LLM_PROVIDER", "reckoning.llm.provider",
            "LLM_MODEL", "reckoning.llm.model", "LLM_API_KEY", "reckoning.llm.api-key",
            "LLM_BASE_URL", "reckoning.llm.base-url");
    private static final Map<String, String> SECURITY_VARIABLES = Map.of("RECKONING_AUTH", "reckoning.security.auth",
            "RECKONING_API_TOKENS", "reckoning.security.api-tokens",
            "RECKONING_API_TOKENS_FILE", "reckoning.security.api-tokens-file",
            "RECKONING_CORS_ORIGINS", "reckoning.security.cors-origins",
            "RECKONING_JWT_ISSUER_URI", "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "RECKONING_JWT_AUDIENCE", "reckoning.security.jwt.audience");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's update checker reports to an outside host unless told not to; the engine never phones home.
        if (System.getProperty(AXON_UPDATE_CHECKER) == null) {
            System.setProperty(AXON_UPDATE_CHECKER, "true");
        }
        Map<String, Object> mapped = new HashMap<>();
        if (!environment.containsProperty("spring.datasource.url")) {
            DatabaseUrl database = DatabaseUrl.parse(environment.getProperty("DATABASE_URL"));
            mapped.put("spring.datasource.url", database.jdbcUrl());
            if (database.username() != null) {
                mapped.put("spring.datasource.username", database.username());
            }
            if (database.password() != null) {
                mapped.put("spring.datasource.password", database.password());
            }
        }
        String kafka = environment.getProperty("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka != null && !kafka.isBlank() && !environment.containsProperty("spring.kafka.bootstrap-servers")) {
            mapped.put("spring.kafka.bootstrap-servers", kafka);
        }
        String dataDir = environment.getProperty("RECKONING_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            mapped.put("reckoning.data-dir", dataDir);
        }
        Stream.of(LLM_VARIABLES, SECURITY_VARIABLES).flatMap(variables -> variables.entrySet().stream())
                .forEach(variable -> {
            String value = environment.getProperty(variable.getKey());
            if (value != null && !value.isBlank() && !environment.containsProperty(variable.getValue())) {
                mapped.put(variable.getValue(), value);
            }
        });
        String audience = environment.getProperty("reckoning.security.jwt.audience",
                environment.getProperty("RECKONING_JWT_AUDIENCE", ""));
        if (!audience.isBlank() && !environment.containsProperty("spring.security.oauth2.resourceserver.jwt.audiences")) {
            mapped.put("spring.security.oauth2.resourceserver.jwt.audiences", audience); // Spring checks 'aud'
        }
        mapLogging(environment, mapped);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, mapped));
        try {
            new YamlPropertySourceLoader().load(DEFAULTS_NAME, new ClassPathResource(DEFAULTS))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS + " from the classpath", e);
        }
    }

    /**
     * {@code RECKONING_LOG_FORMAT=json} logs one JSON object per line (Elastic Common Schema, the MDC included) to the
     * console and to the log file; {@code RECKONING_LOG_FILE} also writes to that file, rotated by the shared
     * defaults' size and total-size cap.
     */
    private static void mapLogging(ConfigurableEnvironment environment, Map<String, Object> mapped) {
        String format = environment.getProperty("RECKONING_LOG_FORMAT");
        if (format != null && !format.isBlank()) {
            if (!format.strip().equalsIgnoreCase("json") && !format.strip().equalsIgnoreCase("text")) {
                throw new IllegalArgumentException("RECKONING_LOG_FORMAT must be json or text, not '" + format + "'.");
            }
            if (format.strip().equalsIgnoreCase("json")) {
                mapped.put("logging.structured.format.console", "ecs");
                mapped.put("logging.structured.format.file", "ecs");
            }
        }
        String file = environment.getProperty("RECKONING_LOG_FILE");
        if (file != null && !file.isBlank() && !environment.containsProperty("logging.file.name")) {
            mapped.put("logging.file.name", file.strip());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
