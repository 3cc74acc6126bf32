package io.reckoning.query.config;

import java.time.Duration;

/** Every meter query-service registers, in one place: {@code reckoning.<noun>.<unit or verb>}, low-cardinality tags. */
public final class QueryMetrics {

    /**
     * The trust score of a workflow over the trust window: the share of its finished steps that succeeded without a
     * correction, 0 to 1; tag {@code workflow}. Absent for a workflow with no finished step in the window.
     */
    public static final String TRUST_SCORE = "reckoning.trust.score";
    /** Runs started; tag {@code workflow}. */
    public static final String RUNS_STARTED = "reckoning.runs.started";
    /** Runs that ended; tags {@code workflow}, {@code status} ({@code SUCCEEDED}, {@code FAILED}, {@code CANCELLED}). */
    public static final String RUNS_FINISHED = "reckoning.runs.finished";
    /** From {@code RunStarted} to the run's end, a histogram; tags {@code workflow}, {@code status}. */
    public static final String RUN_DURATION = "reckoning.run.duration";
    /**
     * From a step's start to its outcome, a histogram; tags {@code type} (step type) and {@code outcome}
     * ({@code succeeded}, {@code failed}, {@code timed_out}).
     */
    public static final String STEP_DURATION = "reckoning.step.duration";
    /** From a step's wait for attestation to its attestation, a histogram; tags {@code workflow}, {@code outcome}. */
    public static final String ATTESTATION_WAIT = "reckoning.attestation.wait";
    /** Steps waiting for an attestation now. */
    public static final String ATTESTATIONS_WAITING = "reckoning.attestations.waiting";
    /** How long the step that has waited longest for an attestation has waited, in seconds; 0 when none waits. */
    public static final String ATTESTATIONS_OLDEST_WAIT = "reckoning.attestations.oldest.wait";

    /** The share of the event store the current or last replay of a projection has applied, 0 to 1; tag {@code projection}. */
    public static final String REPLAY_PROGRESS = "reckoning.projection.replay.progress";
    /** Events per second the running replay of a projection applies, 0 when none runs; tag {@code projection}. */
    public static final String REPLAY_RATE = "reckoning.projection.replay.rate";
    /** Events applied by replays of a projection; tag {@code projection}. */
    public static final String REPLAY_EVENTS = "reckoning.projection.replay.events";

    /** Buckets of {@link #RUN_DURATION}: the questions are "within a minute, an hour, a day?". */
    public static final Duration[] RUN_DURATION_BUCKETS = durations("PT1S", "PT5S", "PT30S", "PT1M", "PT5M", "PT15M",
            "PT1H", "PT4H", "PT24H");
    /** Buckets of {@link #STEP_DURATION}: automated steps take milliseconds to minutes. */
    public static final Duration[] STEP_DURATION_BUCKETS = durations("PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S",
            "PT2.5S", "PT5S", "PT10S", "PT30S", "PT1M", "PT5M", "PT15M", "PT1H");
    /** Buckets of {@link #ATTESTATION_WAIT}: operators answer within minutes to days. */
    public static final Duration[] ATTESTATION_WAIT_BUCKETS = durations("PT1M", "PT5M", "PT15M", "PT1H", "PT4H",
            "PT24H", "PT72H", "PT168H");

    private QueryMetrics() {
    }

    private static Duration[] durations(String... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.parse(values[i]);
        }
        return durations;
    }
}
