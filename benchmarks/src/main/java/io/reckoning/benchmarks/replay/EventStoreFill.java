package io.reckoning.benchmarks.replay;

import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.eventstore.WireNameSerializer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Fills the event store with {@link RunHistories} by {@code COPY}, rows exactly as Axon's JDBC storage engine writes
 * them: payload and metadata serialized by the engine's {@link WireNameSerializer}, wire names as payload types,
 * timestamps formatted by Axon. The command path would take hours for a million events.
 */
final class EventStoreFill {

    private static final String COPY = "copy " + EventStoreTables.EVENT_TABLE + " (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) from stdin";
    private static final int ROWS_PER_COPY = 20_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Serializer serializer = new WireNameSerializer();

    /** What was stored. */
    record Filled(long events, long runs) {
    }

    /** Appends the registration and then whole runs until at least {@code events} events are stored. */
    Filled fill(Connection connection, long events) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder();
        int buffered = 0;
        long stored = 0;
        long runs = 0;
        append(rows, RunHistories.registration());
        buffered++;
        stored++;
        while (stored < events) {
            List<RunHistories.StoredEvent> run = RunHistories.run(runs++);
            for (RunHistories.StoredEvent event : run) {
                append(rows, event);
            }
            buffered += run.size();
            stored += run.size();
            if (buffered >= ROWS_PER_COPY) {
                copy(connection, rows);
                buffered = 0;
            }
        }
        copy(connection, rows);
        return new Filled(stored, runs);
    }

    private void append(StringBuilder rows, RunHistories.StoredEvent event) {
        SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("traceId", UUID.randomUUID().toString())
                .and("correlationId", UUID.randomUUID().toString()), byte[].class);
        rows.append(UUID.randomUUID()).append('\t')
                .append(event.aggregateId()).append('\t')
                .append(event.sequence()).append('\t')
                .append(event.aggregateType()).append('\t')
                .append(DateTimeUtils.formatInstant(event.at())).append('\t')
                .append(payload.getType().getName()).append('\t')
                .append(payload.getType().getRevision() == null ? "\\N" : payload.getType().getRevision()).append('\t')
                .append("\\\\x").append(HEX.formatHex(payload.getData())).append('\t')
                .append("\\\\x").append(HEX.formatHex(metaData.getData())).append('\n');
    }

    private static void copy(Connection connection, StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
        rows.setLength(0);
    }
}
