package io.reckoning.query.activity;

import java.time.Instant;

/**
 * One entry of the activity feed.
 *
 * @param position  the event's position in the event store: unique, newer is larger; the feed's cursor
 * @param kind      {@code run-started}, {@code run-waiting}, {@code step-attested}, {@code step-failed},
 *                  {@code run-failed}, {@code run-succeeded}, {@code run-cancelled} or {@code step-corrected}
 * @param workflow  the run's workflow, once the run view knows the run
 * @param summary   one sentence for people
 * @param principal who did it, for attestations, corrections and cancellations
 */
public record Activity(long position, String kind, String runId, String stepId, String workflow, String summary,
                       String principal, Instant at) {
}
