package io.reckoning.benchmarks.replay;

import io.reckoning.benchmarks.store.EventStoreFill;
import io.reckoning.benchmarks.store.TokensAtHead;
import io.reckoning.query.QueryServiceApplication;
import io.reckoning.query.activity.ActivityProjection;
import io.reckoning.query.artifact.ArtifactProjection;
import io.reckoning.query.config.QueryConfiguration;
import io.reckoning.query.replay.ProjectionReplays;
import io.reckoning.query.replay.ProjectionStatus;
import io.reckoning.query.workflowversion.WorkflowVersionProjection;
import io.reckoning.support.config.DatabaseUrl;
import io.reckoning.support.db.SchemaMigration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How fast the read models are rebuilt: creates a database of its own on the server of {@code DATABASE_URL}, fills
 * its event store with realistic run histories, starts query-service on it with every processor already at the head,
 * replays each processor from position zero through {@code POST /api/admin/projections/{name}/replay}'s code path,
 * reports events per second, and drops the database.
 */
public final class ReplayBenchmark {

    /** The processors to replay, each by one of its read models; run-view feeds run-summary and step-run. */
    private static final List<String> PROJECTIONS = List.of("run-summary", WorkflowVersionProjection.GROUP,
            ArtifactProjection.GROUP);
    private static final List<String> PROCESSORS = List.of(QueryConfiguration.RUN_VIEW, WorkflowVersionProjection.GROUP,
            ArtifactProjection.GROUP);
    /** Every live processor of query-service: one left without a token would project the whole store meanwhile. */
    private static final List<String> LIVE_PROCESSORS = List.of(QueryConfiguration.RUN_VIEW,
            WorkflowVersionProjection.GROUP, ArtifactProjection.GROUP, ActivityProjection.GROUP);

    /** One processor's replay. */
    record Result(String processor, long events, Duration wall) {

        double eventsPerSecond() {
            return events / (wall.toNanos() / 1e9);
        }
    }

    private final long events;
    private final Integer batchSize;
    private final Integer segments;

    /** {@code batchSize} and {@code segments} null: the service's defaults. */
    public ReplayBenchmark(long events, Integer batchSize, Integer segments) {
        this.events = events;
        this.batchSize = batchSize;
        this.segments = segments;
    }

    public void run() throws Exception {
        DatabaseUrl maintenance = DatabaseUrl.parse(System.getenv("DATABASE_URL")).maintenance();
        String name = "reckoning_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        DatabaseUrl database = new DatabaseUrl(maintenance.jdbcUrl().replace("/postgres", "/" + name),
                maintenance.username(), maintenance.password());
        execute(maintenance, "create database " + name);
        try {
            benchmark(database);
        } finally {
            execute(maintenance, "drop database if exists " + name + " with (force)");
        }
    }

    private void benchmark(DatabaseUrl database) throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        new SchemaMigration(dataSource, "command");
        new SchemaMigration(dataSource, QueryConfiguration.SCHEMA);

        Instant fillStart = Instant.now();
        EventStoreFill.Filled filled;
        try (Connection connection = dataSource.getConnection()) {
            filled = new EventStoreFill().fill(connection, events);
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze command.domain_event_entry");
            }
            startLiveProcessorsAtHead(connection, filled.events());
        }
        Duration fill = Duration.between(fillStart, Instant.now());

        List<Result> results = new ArrayList<>();
        try (ConfigurableApplicationContext context = startQueryService(database)) {
            ProjectionReplays replays = context.getBean(ProjectionReplays.class);
            for (int i = 0; i < PROJECTIONS.size(); i++) {
                results.add(replay(replays, PROJECTIONS.get(i), PROCESSORS.get(i), filled.events()));
            }
        }
        report(filled, fill, results);
    }

    private static Result replay(ProjectionReplays replays, String projection, String processor, long events)
            throws InterruptedException {
        long start = System.nanoTime();
        replays.replay(projection);
        ProjectionStatus status;
        do {
            Thread.sleep(50);
            status = replays.status(projection);
        } while ("replaying".equals(status.state()));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        if (!"succeeded".equals(status.replay().phase())) {
            throw new IllegalStateException("The replay of " + processor + " failed: " + status.replay().error());
        }
        return new Result(processor, events, wall);
    }

    private void report(EventStoreFill.Filled filled, Duration fill, List<Result> results) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("events", String.valueOf(filled.events()));
        figures.put("runs", String.valueOf(filled.runs()));
        figures.put("batch_size", batchSize == null ? "default" : String.valueOf(batchSize));
        figures.put("segments", segments == null ? "default" : String.valueOf(segments));
        figures.put("fill_seconds", seconds(fill));
        Duration total = Duration.ZERO;
        for (Result result : results) {
            figures.put("replay." + result.processor() + ".seconds", seconds(result.wall()));
            figures.put("replay." + result.processor() + ".events_per_second", String.format("%.0f", result.eventsPerSecond()));
            total = total.plus(result.wall());
        }
        figures.put("replay.all.seconds", seconds(total));
        figures.put("replay.all.events_per_second",
                String.format("%.0f", filled.events() * results.size() / (total.toNanos() / 1e9)));
        figures.forEach((key, value) -> System.out.println(key + "=" + value));

        System.out.println();
        System.out.println("| processor | events | wall time (s) | events/s |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (Result result : results) {
            System.out.printf("| %s | %d | %s | %.0f |%n", result.processor(), result.events(), seconds(result.wall()),
                    result.eventsPerSecond());
        }
    }

    /**
     * The live processors start at the head, as on a service that has long caught up, so the replays have the
     * machine to themselves.
     */
    private static void startLiveProcessorsAtHead(Connection connection, long head) throws Exception {
        long index = TokensAtHead.head(connection);
        TokensAtHead.insert(connection, QueryConfiguration.SCHEMA + ".token_entry", LIVE_PROCESSORS, index);
        if (index != head) {
            throw new IllegalStateException("Stored " + head + " events but the head is " + index + ".");
        }
    }

    private ConfigurableApplicationContext startQueryService(DatabaseUrl database) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.kafka.admin.auto-create=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if (database.username() != null) {
            arguments.add("--spring.datasource.username=" + database.username());
        }
        if (database.password() != null) {
            arguments.add("--spring.datasource.password=" + database.password());
        }
        if (batchSize != null) {
            arguments.add("--reckoning.query.replay.batch-size=" + batchSize);
        }
        if (segments != null) {
            arguments.add("--reckoning.query.replay.segments=" + segments);
        }
        return new SpringApplicationBuilder(QueryServiceApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    private static void execute(DatabaseUrl server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
