package io.reckoning.query.replay;

import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.query.readmodel.Projection;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Positions read from the database, so they are true whichever instance runs a processor: the tracking tokens in
 * query-service's token table, and the head of the event store.
 */
final class ProcessorTokens {

    private static final String TOKENS = Projection.LIVE_SCHEMA + ".token_entry";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProcessorTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The processor's tokens by segment; a null element is a segment that has processed nothing yet. */
    List<TrackingToken> tokens(String processor) {
        return jdbc.query("select token, token_type from " + TOKENS + " where processor_name = ? order by segment",
                (rs, i) -> rs.getBytes(1) == null ? null : serializer.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                processor);
    }

    /** The global index up to which the processor has applied every event (its slowest segment); 0 for none. */
    long position(String processor) {
        return tokens(processor).stream()
                .mapToLong(token -> token == null ? 0 : token.position().orElse(0))
                .min().orElse(0);
    }

    /**
     * Whether {@code replay} has applied every event {@code live} has: the lower bound of its segments' tokens (the
     * position up to which all of them have applied everything) covers every live segment's token.
     */
    boolean covers(String replay, String live) {
        List<TrackingToken> replayed = tokens(replay);
        if (replayed.isEmpty()) {
            return false;
        }
        TrackingToken seen = lowerBound(replayed);
        return tokens(live).stream().allMatch(needed -> needed == null || (seen != null && seen.covers(needed)));
    }

    /**
     * Gives every segment of {@code live} the lower bound of {@code replay}'s tokens and removes the replay's. Events
     * after the lower bound that one replay segment applied already are applied again by the live processor, which
     * changes nothing (the projections are idempotent). The claims are cleared for whichever instance resumes the
     * processor first.
     */
    void move(String replay, String live) {
        TrackingToken position = lowerBound(tokens(replay));
        byte[] token = null;
        String type = null;
        if (position != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(position, byte[].class);
            token = serialized.getData();
            type = serialized.getType().getName();
        }
        int moved = jdbc.update("update " + TOKENS + " set token = ?, token_type = ?, owner = null "
                + "where processor_name = ?", token, type, live);
        if (moved == 0) {
            throw new IllegalStateException("The live processor " + live + " has no token to take over.");
        }
        delete(replay);
    }

    private static TrackingToken lowerBound(List<TrackingToken> tokens) {
        TrackingToken bound = tokens.get(0);
        for (TrackingToken token : tokens.subList(1, tokens.size())) {
            bound = bound == null || token == null ? null : bound.lowerBound(token);
        }
        return bound;
    }

    void delete(String processor) {
        jdbc.update("delete from " + TOKENS + " where processor_name = ?", processor);
    }

    /** The global index of the last event in the store; 0 when it is empty. */
    long head() {
        Long head = jdbc.queryForObject("select max(global_index) from " + EventStoreTables.EVENT_TABLE, Long.class);
        return head == null ? 0 : head;
    }

    /** When the first event after {@code position} was stored, if there is one. */
    OptionalLong ageOfNext(long position, Instant now) {
        List<String> stamps = jdbc.queryForList("select time_stamp from " + EventStoreTables.EVENT_TABLE
                + " where global_index > ? order by global_index limit 1", String.class, position);
        return stamps.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(0, now.getEpochSecond() - Instant.parse(stamps.get(0)).getEpochSecond()));
    }
}
