package io.reckoning.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * One projection (processing group) as {@code /api/admin/projections} shows it.
 *
 * @param processor  the tracking processor that feeds it; a replay rebuilds all of {@code readModels} together
 * @param state      {@code live}, or {@code replaying} while a replay of its processor runs (queries still answer
 *                   from the live tables)
 * @param position   the global index up to which the live processor has applied every event
 * @param total      the head of the event store: the global index of its last event
 * @param rate       events per second the live processor applied over the last few seconds
 * @param lagEvents  {@code total - position}
 * @param lagSeconds age of the oldest event not yet applied (0 when caught up)
 * @param replay     the running or last replay since the service started, or null
 */
public record ProjectionStatus(String name, String processor, List<String> readModels, List<String> tables,
                               String state, long position, long total, double rate, long lagEvents, Long lagSeconds,
                               Replay replay) {

    /**
     * A replay of the processor.
     *
     * @param phase    {@code replaying} (filling the shadow tables), {@code swapping} (live paused, draining and
     *                 swapping), {@code succeeded} or {@code failed}
     * @param position the replay processor's position while it runs
     * @param progress {@code position / total}, 0 to 1, while it runs
     * @param rate     events per second it applies, while it runs
     * @param error    why it failed
     */
    public record Replay(String phase, Long position, Long total, Double progress, Double rate, Instant startedAt,
                         Instant endedAt, String error) {
    }
}
