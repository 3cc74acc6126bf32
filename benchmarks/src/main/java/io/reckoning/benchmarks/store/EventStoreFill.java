package io.reckoning.benchmarks.store;

import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.eventstore.WireNameSerializer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fills the event store with {@link RunHistories} by {@code COPY}, rows exactly as the engine's storage engine writes
 * them: payload and metadata serialized by the engine's {@link WireNameSerializer}, wire names as payload types,
 * timestamps formatted by Axon, and every stream hash-chained ({@code prevHash} and {@code hash} in the metadata, as
 * {@code HashChainingEventStorageEngine} appends them), so audits of the filled runs hold. The command path would
 * take hours for a million events.
 */
public final class EventStoreFill {

    private static final String COPY = "copy " + EventStoreTables.EVENT_TABLE + " (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) from stdin";
    private static final int ROWS_PER_COPY = 20_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Serializer serializer = new WireNameSerializer();

    /** What was stored. */
    public record Filled(long events, long runs) {
    }

    /**
     * Appends the registration and then whole runs until at least {@code events} events are stored. One thread
     * serializes and hashes rows while this one copies the previous batch, so the JVM and PostgreSQL work at once.
     */
    public Filled fill(Connection connection, long events) throws SQLException, IOException, InterruptedException {
        BlockingQueue<String> batches = new ArrayBlockingQueue<>(2);
        ExecutorService generator = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "event-store-fill"));
        try {
            Future<Filled> generated = generator.submit(() -> generate(events, batches));
            // once the generator is done, every batch it made is on the queue
            while (!generated.isDone() || !batches.isEmpty()) {
                String rows = batches.poll(100, TimeUnit.MILLISECONDS);
                if (rows != null) {
                    copy(connection, rows);
                }
            }
            return generated.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not generate the events to fill the store with", e.getCause());
        } finally {
            generator.shutdownNow();
        }
    }

    /** Puts the rows on {@code batches} in {@code COPY}'s text format, {@value #ROWS_PER_COPY} or so at a time. */
    private Filled generate(long events, BlockingQueue<String> batches) throws InterruptedException {
        StringBuilder rows = new StringBuilder();
        int buffered = 0;
        long stored = 0;
        long runs = 0;
        appendStream(rows, List.of(RunHistories.registration()));
        buffered++;
        stored++;
        while (stored < events) {
            List<RunHistories.StoredEvent> run = RunHistories.run(runs++);
            appendStream(rows, run);
            buffered += run.size();
            stored += run.size();
            if (buffered >= ROWS_PER_COPY) {
                batches.put(rows.toString());
                rows.setLength(0);
                buffered = 0;
            }
        }
        if (!rows.isEmpty()) {
            batches.put(rows.toString());
        }
        return new Filled(stored, runs);
    }

    /** A whole stream from sequence 0, chained from the genesis hash; one trace, as one request starts a run. */
    private void appendStream(StringBuilder rows, List<RunHistories.StoredEvent> stream) {
        String trace = UUID.randomUUID().toString();
        String prevHash = HashChain.GENESIS;
        for (RunHistories.StoredEvent event : stream) {
            prevHash = append(rows, event, trace, prevHash);
        }
    }

    /** Appends one row and answers its hash. */
    private String append(StringBuilder rows, RunHistories.StoredEvent event, String trace, String prevHash) {
        String eventId = UUID.randomUUID().toString();
        String timestamp = DateTimeUtils.formatInstant(event.at());
        SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
        ObjectNode unchained = HashChain.json().createObjectNode().put("traceId", trace).put("correlationId", trace);
        String hash = HashChain.hash(prevHash, new ChainedEvent(event.aggregateId(), event.sequence(), eventId,
                payload.getType().getName(), payload.getType().getRevision(), timestamp,
                HashChain.parse(payload.getData()), unchained, null, null));
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("traceId", trace)
                .and("correlationId", trace).and(HashChain.PREV_HASH, prevHash).and(HashChain.HASH, hash), byte[].class);
        rows.append(eventId).append('\t')
                .append(event.aggregateId()).append('\t')
                .append(event.sequence()).append('\t')
                .append(event.aggregateType()).append('\t')
                .append(timestamp).append('\t')
                .append(payload.getType().getName()).append('\t')
                .append(payload.getType().getRevision() == null ? "\\N" : payload.getType().getRevision()).append('\t')
                .append("\\\\x").append(HEX.formatHex(payload.getData())).append('\t')
                .append("\\\\x").append(HEX.formatHex(metaData.getData())).append('\n');
        return hash;
    }

    private static void copy(Connection connection, String rows) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows));
    }
}
