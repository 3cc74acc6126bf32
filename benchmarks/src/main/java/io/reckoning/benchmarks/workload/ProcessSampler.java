package io.reckoning.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of one engine process (the standalone engine, a service, a broker), read from
 * {@code /proc/<pid>/stat} and {@code status} (Linux only): CPU between {@link #start()} and {@link #stop()}, resident memory sampled every 250 ms.
 */
final class ProcessSampler {

    /** What the process used while measured; {@code cpuPercent} is of one core (200 = both cores of two). */
    record Usage(MeasuredProcess process, double cpuSeconds, double cpuPercent, long maxRssKb, long peakRssKb) {
    }

    /** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final MeasuredProcess process;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long maxRssKb;
    private long startTicks;
    private long startNanos;

    ProcessSampler(MeasuredProcess process) {
        this.process = process;
    }

    void start() {
        startTicks = cpuTicks();
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> maxRssKb = Math.max(maxRssKb, status("VmRSS:")), 0, 250, TimeUnit.MILLISECONDS);
    }

    Usage stop() {
        double cpuSeconds = (cpuTicks() - startTicks) / TICKS_PER_SECOND;
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        timer.shutdownNow();
        maxRssKb = Math.max(maxRssKb, status("VmRSS:"));
        return new Usage(process, cpuSeconds, 100 * cpuSeconds / wallSeconds, maxRssKb, status("VmHWM:"));
    }

    /** utime + stime; the fields after the command name, which may hold spaces, so split after its ')'. */
    private long cpuTicks() {
        String stat = read("stat");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long status(String field) {
        return read("status").lines().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]))
                .orElse(0L);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + process.pid() + "/" + file + " (" + process.name()
                    + "): is the process id right, and is the process still running?", e);
        }
    }
}
