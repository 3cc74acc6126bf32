package io.reckoning.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.reckoning.benchmarks.replay.ReplayBenchmark;
import io.reckoning.benchmarks.workload.BrokerProcess;
import io.reckoning.benchmarks.workload.MeasuredProcess;
import io.reckoning.benchmarks.store.StorePrefill;
import io.reckoning.benchmarks.workload.WorkloadBenchmark;
import io.reckoning.support.config.DatabaseUrl;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reckoning's benchmarks, run by hand: {@code java -jar benchmarks/target/reckoning-benchmarks.jar <benchmark> [options]}.
 * Each prints one {@code name=value} line per figure and a Markdown table. The replay benchmark takes PostgreSQL from
 * {@code DATABASE_URL} (default {@code postgresql://localhost:5432/...}) and creates and drops a database of its own
 * there; the prefill fills the event store of an engine's database; the workload benchmark drives an engine that is
 * already running; {@code broker} runs a Kafka broker for it.
 */
public final class Benchmarks {

    private static final String USAGE = """
            usage: java -jar reckoning-benchmarks.jar replay [--events N] [--batch-size B] [--segments S]
                   java -jar reckoning-benchmarks.jar prefill --events N --database DATABASE_URL
                   java -jar reckoning-benchmarks.jar workload W3|W10|fanout|llm [--runs N] [--concurrency C]
                        [--warmup W] [--url URL] [--query-url URL] [--bootstrap HOST:PORT] [--token T]
                        [--pid [NAME=]P[,[NAME=]P...]] [--projection-sample-every K] [--run-timeout SECONDS]
                        [--database DATABASE_URL]
                   java -jar reckoning-benchmarks.jar broker --dir DIRECTORY [--port PORT]
              replay   fill an event store with N run events (default 1000000) and rebuild every read model from zero;
                       B and S set reckoning.query.replay.batch-size and .segments (default: the service's defaults)
              prefill  fill the event store of --database, an engine's database after its first start (the engine
                       stopped, nothing handled), with N run events and put every tracking processor at the head
              workload run N runs (default 2000) of a workload against a running engine, C in flight (default 32),
                       after W warm-up runs (default 200); commands go to --url (default http://localhost:8080),
                       queries to --query-url (default: --url), run events are read from --bootstrap (default
                       localhost:9092); --token (or RECKONING_TOKEN) is sent as a bearer token; --pid lists the engine
                       process(es) whose CPU and memory to report, as process.NAME.* (process.P.* without a name);
                       every K-th run (default 10) samples projection lag; --database: the engine's database, to
                       report the event store's size when measuring starts
              broker   a single-node Kafka broker (the standalone engine's embedded one) on 127.0.0.1:PORT (default
                       9092) with its log in DIRECTORY, until stopped: the three services' broker as its own process
            """;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        String benchmark = arguments.isEmpty() ? "" : arguments.get(0);
        switch (benchmark) {
            case "replay" -> replay(arguments);
            case "prefill" -> prefill(arguments);
            case "workload" -> workload(arguments);
            case "broker" -> broker(arguments);
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void replay(List<String> arguments) throws Exception {
        long events = Long.parseLong(option(arguments, "--events", "1000000"));
        String batchSize = option(arguments, "--batch-size", null);
        String segments = option(arguments, "--segments", null);
        new ReplayBenchmark(events, batchSize == null ? null : Integer.valueOf(batchSize),
                segments == null ? null : Integer.valueOf(segments)).run();
    }

    private static void prefill(List<String> arguments) throws Exception {
        String events = option(arguments, "--events", null);
        String database = option(arguments, "--database", null);
        if (events == null || database == null) {
            System.err.print(USAGE);
            System.exit(2);
        }
        new StorePrefill(DatabaseUrl.parse(database), Long.parseLong(events)).run();
    }

    private static void workload(List<String> arguments) throws Exception {
        // the Kafka client logs its whole configuration at INFO, on stdout, where the figures go
        ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.WARN);
        if (arguments.size() < 2 || arguments.get(1).startsWith("--")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String url = option(arguments, "--url", "http://localhost:8080");
        new WorkloadBenchmark(new WorkloadBenchmark.Options(arguments.get(1),
                Integer.parseInt(option(arguments, "--runs", "2000")),
                Integer.parseInt(option(arguments, "--concurrency", "32")),
                Integer.parseInt(option(arguments, "--warmup", "200")),
                url, option(arguments, "--query-url", url),
                option(arguments, "--bootstrap", "localhost:9092"),
                option(arguments, "--token", System.getenv("RECKONING_TOKEN")),
                MeasuredProcess.parseList(option(arguments, "--pid", "")),
                Integer.parseInt(option(arguments, "--projection-sample-every", "10")),
                Duration.ofSeconds(Long.parseLong(option(arguments, "--run-timeout", "120"))),
                Optional.ofNullable(option(arguments, "--database", null)).map(DatabaseUrl::parse))).run();
    }

    private static void broker(List<String> arguments) throws InterruptedException {
        String directory = option(arguments, "--dir", null);
        if (directory == null) {
            System.err.print(USAGE);
            System.exit(2);
        }
        BrokerProcess.run(Path.of(directory), Integer.parseInt(option(arguments, "--port", "9092")));
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= arguments.size()) {
            throw new IllegalArgumentException(name + " needs a value.");
        }
        return arguments.get(at + 1);
    }
}
