package io.reckoning.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/**
 * Where the event store lives: command-service owns it (its Flyway migrations create the tables in schema
 * {@value #EVENT_STORE_SCHEMA}); query-service reads the same tables. Each service keeps its tracking tokens in
 * its own schema. Column names are spelled out because Axon's defaults are camelCase and our DDL is snake_case.
 */
public final class EventStoreTables {

    public static final String EVENT_STORE_SCHEMA = "command";
    public static final String EVENT_TABLE = EVENT_STORE_SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOT_TABLE = EVENT_STORE_SCHEMA + ".snapshot_event_entry";

    private EventStoreTables() {
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The token table of the service that owns {@code schema}. */
    public static TokenSchema tokenSchema(String schema) {
        return TokenSchema.builder()
                .setTokenTable(schema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
