package io.reckoning.events;

import java.time.Instant;

/**
 * The CloudEvents 1.0 JSON envelope in which every event travels on {@code reckoning.run-events}
 * ({@code schemas/messages/CloudEvent.v2.schema.json}). The three extension attributes place the event in its
 * stream's hash chain, so every consumer of the topic holds chain heads witnessed outside the database.
 *
 * @param id                the event's identifier in the event store, stable across re-publication (consumers dedupe
 *                          on it)
 * @param subject           the run id (or the workflow name for workflow events)
 * @param sequence          extension attribute: the event's position in its run's stream, starting at 0
 * @param reckoninghash     extension attribute: the event's hash in its stream's chain; null if stored without one
 * @param reckoningprevhash extension attribute: the previous event's hash (64 zeros for the first); null if stored
 *                          without one
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, long sequence, String reckoninghash, String reckoningprevhash,
                         Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
