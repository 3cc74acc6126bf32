package io.reckoning.events;

import java.time.Instant;

/**
 * The CloudEvents 1.0 JSON envelope in which every event travels on {@code reckoning.run-events}.
 *
 * @param id       the event's identifier in the event store, stable across re-publication (consumers dedupe on it)
 * @param subject  the run id (or the workflow name for workflow events)
 * @param sequence extension attribute: the event's position in its run's stream, starting at 0
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, long sequence, Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
