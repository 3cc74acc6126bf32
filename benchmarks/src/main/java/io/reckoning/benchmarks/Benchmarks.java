package io.reckoning.benchmarks;

import io.reckoning.benchmarks.replay.ReplayBenchmark;

import java.util.Arrays;
import java.util.List;

/**
 * Reckoning's benchmarks, run by hand: {@code java -jar benchmarks/target/reckoning-benchmarks.jar <benchmark> [options]}.
 * Each prints one {@code name=value} line per figure and a Markdown table. PostgreSQL comes from
 * {@code DATABASE_URL} (default {@code postgresql://localhost:5432/...}); each benchmark creates and drops a database
 * of its own there.
 */
public final class Benchmarks {

    private static final String USAGE = """
            usage: java -jar reckoning-benchmarks.jar replay [--events N] [--batch-size B] [--segments S]
              replay   fill an event store with N run events (default 1000000) and rebuild every read model from zero;
                       B and S set reckoning.query.replay.batch-size and .segments (default: the service's defaults)
            """;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || !arguments.get(0).equals("replay")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        long events = Long.parseLong(option(arguments, "--events", "1000000"));
        String batchSize = option(arguments, "--batch-size", null);
        String segments = option(arguments, "--segments", null);
        new ReplayBenchmark(events, batchSize == null ? null : Integer.valueOf(batchSize),
                segments == null ? null : Integer.valueOf(segments)).run();
        System.exit(0);
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
