package io.reckoning.standalone;

import io.reckoning.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standalone engine started in this JVM exactly as {@link StandaloneEngine#main} starts it, on a database of
 * its own and with its own embedded broker (on a free port), for tests that drive it over HTTP. Started with no
 * tokens configured, the engine creates its admin token in the data directory; the client sends it.
 */
final class InProcessEngine implements AutoCloseable {

    private final TestDatabase database;
    private final ConfigurableApplicationContext context;
    private final EngineClient client;

    private InProcessEngine(TestDatabase database, ConfigurableApplicationContext context, Path dataDir) {
        this.database = database;
        this.context = context;
        this.client = new EngineClient(URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")),
                adminToken(dataDir));
    }

    /** The token the engine created in {@code dataDir} on its first start; null if it was given tokens instead. */
    static String adminToken(Path dataDir) {
        Path file = dataDir.resolve("admin-token");
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InProcessEngine start(Path dataDir, String... arguments) {
        TestDatabase database = TestDatabase.create();
        try {
            List<String> all = new ArrayList<>(List.of(arguments));
            all.add("--server.port=0");
            all.addAll(List.of(credentials(database)));
            return new InProcessEngine(database, StandaloneEngine.run(Map.of("DATABASE_URL", database.jdbcUrl(),
                    "RECKONING_DATA_DIR", dataDir.toString(), "RECKONING_KAFKA_PORT", "0"), all.toArray(String[]::new)), dataDir);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The command-line arguments that log in to {@code database}. */
    static String[] credentials(TestDatabase database) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.username=" + database.username());
        if (database.password() != null) {
            arguments.add("--spring.datasource.password=" + database.password());
        }
        return arguments.toArray(String[]::new);
    }

    EngineClient client() {
        return client;
    }

    /** The engine's own database, for tests that go behind its back (as a superuser would). */
    TestDatabase database() {
        return database;
    }

    /** A resolved property of the engine's context, e.g. {@code spring.kafka.bootstrap-servers}. */
    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    /** The engine's Spring context, for tests that reach inside (pause a processor). */
    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }
}
