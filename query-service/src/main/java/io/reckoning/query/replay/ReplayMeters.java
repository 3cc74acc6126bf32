package io.reckoning.query.replay;

/**
 * The meters of projection replays, tagged {@value #PROJECTION} with the processing group's name.
 * (Kept beside the replay until query-service's catalogue {@code QueryMetrics} takes them in.)
 */
final class ReplayMeters {

    /** Gauge: the share of the event store the current or last replay has applied, 0 to 1. */
    static final String PROGRESS = "reckoning.projection.replay.progress";
    /** Gauge: events per second the running replay applies (0 when none runs). */
    static final String RATE = "reckoning.projection.replay.rate";
    /** Counter: events applied by replays. */
    static final String EVENTS = "reckoning.projection.replay.events";
    static final String PROJECTION = "projection";

    private ReplayMeters() {
    }
}
