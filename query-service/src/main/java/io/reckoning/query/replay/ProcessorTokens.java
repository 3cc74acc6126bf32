package io.reckoning.query.replay;

import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.query.readmodel.Projection;
import org.axonframework.eventhandling.TrackingToken;
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

    /** Whether {@code replay} has applied every event {@code live} has, segment by segment. */
    boolean covers(String replay, String live) {
        List<TrackingToken> replayed = tokens(replay);
        List<TrackingToken> applied = tokens(live);
        if (replayed.size() != applied.size()) {
            return false;
        }
        for (int segment = 0; segment < applied.size(); segment++) {
            TrackingToken seen = replayed.get(segment);
            TrackingToken needed = applied.get(segment);
            if (needed != null && (seen == null || !seen.covers(needed))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives {@code live} the tokens of {@code replay} and removes the replay's. The claims are cleared, so an
     * instance still holding the live processor's segment fails its next commit and starts again from the new
     * token instead of overwriting it.
     */
    void move(String replay, String live) {
        int segments = jdbc.queryForObject("select count(*) from " + TOKENS + " where processor_name = ?",
                Integer.class, live);
        int moved = jdbc.update("update " + TOKENS + " l set token = r.token, token_type = r.token_type, "
                + "timestamp = r.timestamp, owner = null from " + TOKENS + " r "
                + "where l.processor_name = ? and r.processor_name = ? and l.segment = r.segment", live, replay);
        if (moved != segments) {
            throw new IllegalStateException("The replay of " + live + " has other segments than the live processor.");
        }
        delete(replay);
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
