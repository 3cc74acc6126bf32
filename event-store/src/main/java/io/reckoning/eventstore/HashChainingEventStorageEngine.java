package io.reckoning.eventstore;

import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's JDBC storage engine that hash-chains every aggregate's stream as it appends: each event's metadata gets
 * {@value HashChain#PREV_HASH} (the hash of the aggregate's previous event; the genesis hash for the first) and
 * {@value HashChain#HASH} (see {@link HashChain}). Hashing happens here, in Java, rather than in a database trigger so
 * that other tools may still insert events directly (their events carry no hash, and audits say so).
 * <p>
 * The previous hash is read from the stored previous event, in the appending transaction; two appenders racing for
 * the same sequence cannot both commit (unique key on aggregate and sequence), so the stored chain never forks.
 * The heads this engine itself appended are remembered once their transaction has committed (a committed event never
 * changes), so the next append to a stream this process wrote last needs no read; a stream another process appended
 * to since has a newer sequence than the one remembered, and is read.
 */
public class HashChainingEventStorageEngine extends JdbcEventStorageEngine {

    /** Streams whose committed head is remembered; beyond that the least recently appended are forgotten. */
    static final int REMEMBERED_HEADS = 10_000;

    private final ConnectionProvider connections;
    private final Map<String, ChainLink> committedHeads = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainLink> eldest) {
            return size() > REMEMBERED_HEADS;
        }
    };

    public HashChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder, ConnectionProvider connections) {
        super(builder);
        this.connections = connections;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(chain(events, serializer), serializer);
    }

    private List<EventMessage<?>> chain(List<? extends EventMessage<?>> events, Serializer serializer) {
        Map<String, ChainLink> lastInBatch = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                chained.add(event);
                continue;
            }
            String aggregate = domain.getAggregateIdentifier();
            long sequence = domain.getSequenceNumber();
            ChainLink previous = lastInBatch.containsKey(aggregate) ? lastInBatch.get(aggregate) : committedHead(aggregate);
            String prevHash = previous != null && previous.sequence() == sequence - 1
                    ? previous.hash() : storedHash(aggregate, sequence - 1);
            String hash = HashChain.hash(prevHash, envelope(domain, serializer));
            lastInBatch.put(aggregate, new ChainLink(sequence, hash));
            chained.add(domain.andMetaData(Map.of(HashChain.PREV_HASH, prevHash, HashChain.HASH, hash)));
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> remember(lastInBatch)));
        return chained;
    }

    private ChainLink committedHead(String aggregate) {
        synchronized (committedHeads) {
            return committedHeads.get(aggregate);
        }
    }

    private void remember(Map<String, ChainLink> heads) {
        synchronized (committedHeads) {
            heads.forEach((aggregate, head) -> committedHeads.merge(aggregate, head,
                    (known, appended) -> appended.sequence() > known.sequence() ? appended : known));
        }
    }

    /** The event exactly as it will be stored, so that reading it back yields the same envelope. */
    private static ChainedEvent envelope(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        JsonNode metadata = HashChain.parse(event.serializeMetaData(serializer, byte[].class).getData());
        ObjectNode withoutChain = metadata.isObject() ? ((ObjectNode) metadata).deepCopy() : HashChain.json().createObjectNode();
        withoutChain.remove(List.of(HashChain.HASH, HashChain.PREV_HASH));
        return new ChainedEvent(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(),
                payload.getType().getName(), payload.getType().getRevision(),
                DateTimeUtils.formatInstant(event.getTimestamp()), HashChain.parse(payload.getData()), withoutChain,
                null, null);
    }

    /**
     * The stored hash of the aggregate's event at {@code sequence}; the genesis hash before the first event, or when
     * that event carries no hash (appended before chaining existed, or by another tool): the chain restarts there.
     */
    private String storedHash(String aggregate, long sequence) {
        if (sequence < 0) {
            return HashChain.GENESIS;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("select meta_data from " + EventStoreTables.EVENT_TABLE
                     + " where aggregate_identifier = ? and sequence_number = ?")) {
            select.setString(1, aggregate);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                JsonNode hash = row.next() ? HashChain.parse(row.getBytes(1)).get(HashChain.HASH) : null;
                return hash == null || hash.isNull() ? HashChain.GENESIS : hash.asString();
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not read the hash of " + aggregate + " at sequence " + sequence, e);
        }
    }

    private record ChainLink(long sequence, String hash) {
    }
}
