package io.reckoning.benchmarks.store;

import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.eventstore.WireNameSerializer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Puts tracking processors at the head of the event store, as if they had handled every event in it: a
 * {@link GapAwareTrackingToken} at the highest global index, serialized as the engine's JDBC token stores write it
 * ({@code {"index":N,"gaps":[]}}, with the class name as the token type), in a token table of Axon's layout
 * ({@link EventStoreTables#tokenSchema}).
 */
public final class TokensAtHead {

    private TokensAtHead() {
    }

    /** The highest global index of the event store; 0 when it is empty. */
    public static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(max(global_index), 0) from "
                     + EventStoreTables.EVENT_TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts a token at {@code head} for each of {@code processors}, one segment each. */
    public static void insert(Connection connection, String tokenTable, List<String> processors, long head)
            throws SQLException {
        SerializedObject<byte[]> token = token(head);
        try (PreparedStatement insert = connection.prepareStatement("insert into " + tokenTable
                + " (processor_name, segment, token, token_type, timestamp) values (?, 0, ?, ?, ?)")) {
            for (String processor : processors) {
                insert.setString(1, processor);
                insert.setBytes(2, token.getData());
                insert.setString(3, token.getType().getName());
                insert.setString(4, DateTimeUtils.formatInstant(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Moves every segment of every processor in {@code tokenTable} to {@code head} and clears its claim, so that
     * whichever node starts next takes it at once. Answers the number of segments moved.
     */
    public static int moveAll(Connection connection, String tokenTable, long head) throws SQLException {
        SerializedObject<byte[]> token = token(head);
        try (PreparedStatement update = connection.prepareStatement("update " + tokenTable
                + " set token = ?, token_type = ?, owner = null, timestamp = ?")) {
            update.setBytes(1, token.getData());
            update.setString(2, token.getType().getName());
            update.setString(3, DateTimeUtils.formatInstant(Instant.now()));
            return update.executeUpdate();
        }
    }

    static SerializedObject<byte[]> token(long head) {
        return new WireNameSerializer().serialize(GapAwareTrackingToken.newInstance(head, List.of()), byte[].class);
    }
}
