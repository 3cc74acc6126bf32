package io.reckoning.standalone;

import io.reckoning.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standalone engine started in this JVM exactly as {@link StandaloneEngine#main} starts it, on a database of
 * its own and with its own embedded broker (on a free port), for tests that drive it over HTTP.
 */
final class InProcessEngine implements AutoCloseable {

    private final TestDatabase database;
    private final ConfigurableApplicationContext context;
    private final EngineClient client;

    private InProcessEngine(TestDatabase database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
        this.client = new EngineClient(URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")));
    }

    static InProcessEngine start(Path dataDir, String... arguments) {
        TestDatabase database = TestDatabase.create();
        try {
            List<String> all = new ArrayList<>(List.of(arguments));
            all.add("--server.port=0");
            all.addAll(List.of(credentials(database)));
            return new InProcessEngine(database, StandaloneEngine.run(Map.of("DATABASE_URL", database.jdbcUrl(),
                    "RECKONING_DATA_DIR", dataDir.toString(), "RECKONING_KAFKA_PORT", "0"), all.toArray(String[]::new)));
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

    /** The engine's database, for tests that look at its tables. */
    TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }
}
