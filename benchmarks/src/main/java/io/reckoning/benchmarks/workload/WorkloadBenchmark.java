package io.reckoning.benchmarks.workload;

import io.reckoning.support.config.DatabaseUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running engine through its public surfaces only: starts runs over HTTP with {@code concurrency} in
 * flight, watches {@code reckoning.run-events} on Kafka to see steps start and runs wait or end, attests each
 * external step as soon as it waits, and samples how long the read model takes to show a finished run.
 * A warm-up phase runs first and is not counted.
 */
public final class WorkloadBenchmark {

    /**
     * What to run and against what. {@code queries} is the query origin (the command origin for the standalone);
     * {@code processes} are those whose CPU and memory to report; {@code database}, when given, is the engine's,
     * whose event store size is reported.
     */
    public record Options(String workload, int runs, int concurrency, int warmup, String commands, String queries,
                          String bootstrap, String token, List<MeasuredProcess> processes, int projectionSampleEvery,
                          Duration runTimeout, Optional<DatabaseUrl> database) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ENDS = Set.of("RunSucceeded", "RunFailed", "RunCancelled");
    private static final String ATTESTATION = "{\"outcome\": \"SUCCEEDED\", \"output\": {\"verdict\": \"holds\"}}";

    private final Options options;
    private final Workload workload;
    private final EngineHttp engine;
    private final Map<String, RunTrace> runs = new ConcurrentHashMap<>();
    /** A thread per probe in progress: a probe waiting for a free thread would count its wait as lag. */
    private final ExecutorService projectionProbes = Executors.newCachedThreadPool();
    private final Results results = new Results();
    /** False during the warm-up, which ends before the measured phase starts; its events are not counted. */
    private volatile boolean measuring;

    public WorkloadBenchmark(Options options) {
        this.options = options;
        this.workload = Workload.parse(options.workload());
        this.engine = new EngineHttp(java.net.URI.create(options.commands()), java.net.URI.create(options.queries()),
                options.token());
    }

    /** One run as the benchmark sees it; the events may come before the answer to its start request. */
    private static final class RunTrace {
        final CompletableFuture<RunEvents.Event> end = new CompletableFuture<>();
        final Map<String, Instant> scheduled = new ConcurrentHashMap<>();
    }

    public void run() throws Exception {
        register();
        try (RunEvents events = new RunEvents(options.bootstrap(), this::onEvent)) {
            events.start();
            System.err.printf("warm-up: %d runs of %s%n", options.warmup(), workload);
            drive(options.warmup());
            results.clear();
            measuring = true;
            List<ProcessSampler> samplers = options.processes().stream().map(ProcessSampler::new).toList();
            String loadBefore = loadAverage();
            OptionalLong storeBefore = storeEvents();
            System.err.printf("measuring: %d runs of %s, %d in flight%n", options.runs(), workload, options.concurrency());
            samplers.forEach(ProcessSampler::start);
            long startNanos = System.nanoTime();
            drive(options.runs());
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            List<ProcessSampler.Usage> usages = samplers.stream().map(ProcessSampler::stop).toList();
            projectionProbes.shutdown();
            projectionProbes.awaitTermination(60, TimeUnit.SECONDS);
            report(seconds, usages, loadBefore, loadAverage(), storeBefore, storeEvents());
        }
    }

    private void register() throws Exception {
        HttpResponse<String> answer = engine.post("/api/workflows", workload.definition()).get();
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            throw new IllegalStateException("Registering " + workload.workflowName() + " failed: " + answer.statusCode()
                    + " " + answer.body());
        }
    }

    /** Starts {@code count} runs, at most {@code concurrency} unfinished at a time, and waits for the last. */
    private void drive(int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.concurrency());
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            start(i).whenComplete((ignored, failure) -> inFlight.release());
        }
        inFlight.acquire(options.concurrency());
    }

    private CompletableFuture<Void> start(int n) {
        String request = "{\"workflow\": \"" + workload.workflowName() + "\", \"inputs\": {\"n\": \"" + n + "\"}}";
        long started = System.nanoTime();
        return startRetryingPreflight(request, started).<Void>thenCompose(answer -> {
            if (measuring) {
                results.commands.add((System.nanoTime() - started) / 1000);
            }
            if (answer.statusCode() != 202) {
                results.error("start " + answer.statusCode() + " " + answer.body());
                return CompletableFuture.completedFuture(null);
            }
            String runId = JSON.readTree(answer.body()).get("runId").asString();
            RunTrace trace = runs.computeIfAbsent(runId, id -> new RunTrace());
            return trace.end.orTimeout(options.runTimeout().toMillis(), TimeUnit.MILLISECONDS).<Void>handle((end, failure) -> {
                runs.remove(runId);
                if (failure != null) {
                    results.error("run " + runId + " did not end within " + options.runTimeout());
                } else if (measuring) {
                    results.runLatency.add((System.nanoTime() - started) / 1000);
                    results.runsEnded.incrementAndGet();
                    if (!end.type().equals("RunSucceeded")) {
                        results.error("run " + runId + " ended with " + end.type());
                    }
                    if (results.runsEnded.get() % options.projectionSampleEvery() == 0) {
                        projectionProbes.execute(() -> probeProjection(runId, end));
                    }
                }
                return null;
            });
        }).exceptionally(failure -> {
            results.error("start failed: " + failure);
            return null;
        });
    }

    /** Right after the engine starts, pre-flight refuses runs (422) until the executors have joined their groups. */
    private CompletableFuture<HttpResponse<String>> startRetryingPreflight(String request, long started) {
        return engine.post("/api/runs", request).thenCompose(answer -> {
            boolean preflight = answer.statusCode() == 422 && answer.body().contains("preflight-failed");
            if (preflight && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30)) {
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> startRetryingPreflight(request, started));
            }
            return CompletableFuture.completedFuture(answer);
        });
    }

    private void onEvent(RunEvents.Event event) {
        if (measuring) {
            results.delivery.add(Duration.between(event.time(), Instant.now()).toNanos() / 1000);
        }
        RunTrace trace = runs.computeIfAbsent(event.runId(), id -> new RunTrace());
        switch (event.type()) {
            case "StepScheduled" -> trace.scheduled.put(event.stepId() + "#" + event.attempt(), event.time());
            case "StepStarted" -> {
                Instant scheduled = trace.scheduled.remove(event.stepId() + "#" + event.attempt());
                if (scheduled != null && measuring) {
                    results.pickup.add(Duration.between(scheduled, event.time()).toNanos() / 1000);
                }
            }
            // an external step ends with StepAttested (always SUCCEEDED here), the others with StepSucceeded
            case "StepSucceeded", "StepAttested" -> {
                if (measuring) {
                    results.stepsSucceeded.incrementAndGet();
                }
            }
            case "StepAwaitingAttestation" -> {
                if (workload.attests(event.stepId())) {
                    attest(event);
                }
            }
            default -> {
                if (ENDS.contains(event.type())) {
                    trace.end.complete(event);
                }
            }
        }
    }

    private void attest(RunEvents.Event event) {
        long started = System.nanoTime();
        engine.post("/api/runs/" + event.runId() + "/steps/" + event.stepId() + "/attestation", ATTESTATION)
                .whenComplete((answer, failure) -> {
                    if (measuring) {
                        results.commands.add((System.nanoTime() - started) / 1000);
                    }
                    if (failure != null || answer.statusCode() != 202) {
                        results.error("attestation of " + event.runId() + "/" + event.stepId() + ": "
                                + (failure != null ? failure : answer.statusCode() + " " + answer.body()));
                    }
                });
    }

    /** Polls the run view until it shows the run ended: the lag from the final event's append to that. */
    private void probeProjection(String runId, RunEvents.Event end) {
        String expected = end.type().substring("Run".length()).toUpperCase();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> view = engine.get("/api/runs/" + runId);
                if (view.statusCode() == 200
                        && expected.equals(JSON.readTree(view.body()).get("run").get("status").asString())) {
                    results.projectionLag.add(Duration.between(end.time(), Instant.now()).toNanos() / 1000);
                    return;
                }
                Thread.sleep(2);
            }
            results.error("run view of " + runId + " did not show " + expected + " within 30 s");
        } catch (Exception e) {
            results.error("run view of " + runId + ": " + e);
        }
    }

    /** The event store's size, when the engine's database is known: comparable runs on stores of different sizes. */
    private OptionalLong storeEvents() {
        return options.database().map(database -> OptionalLong.of(new EventStoreSize(database).events()))
                .orElse(OptionalLong.empty());
    }

    private void report(double seconds, List<ProcessSampler.Usage> usages, String loadBefore, String loadAfter,
                        OptionalLong storeBefore, OptionalLong storeAfter) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("workload", workload.name());
        figures.put("runs", String.valueOf(results.runsEnded.get()));
        figures.put("concurrency", String.valueOf(options.concurrency()));
        figures.put("warmup_runs", String.valueOf(options.warmup()));
        figures.put("seconds", "%.2f".formatted(seconds));
        figures.put("runs_per_second", "%.1f".formatted(results.runsEnded.get() / seconds));
        figures.put("steps_per_second", "%.1f".formatted(results.stepsSucceeded.get() / seconds));
        figures.put("run_latency_ms.p50", ms(results.runLatency.percentileMillis(50)));
        figures.put("run_latency_ms.p95", ms(results.runLatency.percentileMillis(95)));
        figures.put("run_latency_ms.p99", ms(results.runLatency.percentileMillis(99)));
        figures.put("run_latency_ms.max", ms(results.runLatency.maxMillis()));
        figures.put("step_pickup_ms.p50", ms(results.pickup.percentileMillis(50)));
        figures.put("step_pickup_ms.p99", ms(results.pickup.percentileMillis(99)));
        figures.put("command_latency_ms.p99", ms(results.commands.percentileMillis(99)));
        figures.put("event_delivery_ms.p50", ms(results.delivery.percentileMillis(50)));
        figures.put("event_delivery_ms.p99", ms(results.delivery.percentileMillis(99)));
        figures.put("projection_lag_ms.p99", ms(results.projectionLag.percentileMillis(99)));
        figures.put("projection_lag_samples", String.valueOf(results.projectionLag.count()));
        figures.put("errors", String.valueOf(results.errors.get()));
        for (ProcessSampler.Usage usage : usages) {
            String prefix = "process." + usage.process().name() + ".";
            figures.put(prefix + "pid", String.valueOf(usage.process().pid()));
            putCpu(figures, prefix, usage.cpuSeconds(), usage.cpuPercent());
            figures.put(prefix + "rss_max_mib", String.valueOf(usage.maxRssKb() / 1024));
            figures.put(prefix + "rss_peak_mib", String.valueOf(usage.peakRssKb() / 1024));
        }
        if (usages.size() > 1) {
            // the engine's whole cost when it is several processes, to compare with the standalone's one
            putCpu(figures, "processes.", usages.stream().mapToDouble(ProcessSampler.Usage::cpuSeconds).sum(),
                    usages.stream().mapToDouble(ProcessSampler.Usage::cpuPercent).sum());
            // each process's maximum, summed: an upper bound of their resident memory at any one time
            figures.put("processes.rss_max_sum_mib",
                    String.valueOf(usages.stream().mapToLong(ProcessSampler.Usage::maxRssKb).sum() / 1024));
        }
        storeBefore.ifPresent(events -> figures.put("store_events_at_start", String.valueOf(events)));
        storeAfter.ifPresent(events -> figures.put("store_events_at_end", String.valueOf(events)));
        figures.put("load_before", loadBefore);
        figures.put("load_after", loadAfter);
        figures.forEach((name, value) -> System.out.println(name + "=" + value));
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("| --- | ---: |");
        figures.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
    }

    private void putCpu(Map<String, String> figures, String prefix, double cpuSeconds, double cpuPercent) {
        figures.put(prefix + "cpu_seconds", "%.1f".formatted(cpuSeconds));
        figures.put(prefix + "cpu_percent", "%.0f".formatted(cpuPercent));
        // CPU per run moves less with the machine's other load than runs/s does
        figures.put(prefix + "cpu_ms_per_run", "%.1f".formatted(1000 * cpuSeconds / results.runsEnded.get()));
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : "%.1f".formatted(millis);
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** The measured phase's samples and counters. */
    private static final class Results {
        final Distribution runLatency = new Distribution();
        final Distribution pickup = new Distribution();
        final Distribution commands = new Distribution();
        final Distribution projectionLag = new Distribution();
        final Distribution delivery = new Distribution();
        final AtomicLong runsEnded = new AtomicLong();
        final AtomicLong stepsSucceeded = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        void error(String message) {
            if (errors.incrementAndGet() <= 10) {
                System.err.println("error: " + message);
            }
        }

        void clear() {
            List.of(runLatency, pickup, commands, projectionLag, delivery).forEach(Distribution::clear);
            runsEnded.set(0);
            stepsSucceeded.set(0);
            errors.set(0);
        }
    }
}
