package io.reckoning.query.history;

import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.eventstore.EventStoreTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's events exactly as the event store holds them, with their chain hashes: read straight from the store (not
 * a read model), so the history cannot lag behind or differ from the record.
 */
@Component
public class RunHistory {

    private static final String COLUMNS = "select aggregate_identifier, sequence_number, event_identifier, payload_type,"
            + " payload_revision, time_stamp, payload, meta_data from " + EventStoreTables.EVENT_TABLE;
    /** Rows fetched per round trip when a whole run is streamed. */
    private static final int FETCH_SIZE = 256;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    RunHistory(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public boolean exists(String runId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + EventStoreTables.EVENT_TABLE
                + " where aggregate_identifier = ?)", Boolean.class, runId));
    }

    /** Up to {@code limit} events with a sequence above {@code after}, in order. */
    public List<ChainedEvent> page(String runId, long after, int limit) {
        return jdbc.query(COLUMNS + " where aggregate_identifier = ? and sequence_number > ? order by sequence_number limit ?",
                (rs, i) -> event(rs), runId, after, limit);
    }

    /**
     * Hands every event with a sequence above {@code after} to {@code sink}, in order, a batch of rows at a time
     * (PostgreSQL streams with a cursor only inside a transaction), never the whole run in memory.
     */
    public void forEach(String runId, long after, Consumer<ChainedEvent> sink) {
        readOnly.executeWithoutResult(status -> streaming.query(
                COLUMNS + " where aggregate_identifier = ? and sequence_number > ? order by sequence_number",
                rs -> {
                    sink.accept(event(rs));
                }, runId, after));
    }

    private static ChainedEvent event(ResultSet rs) throws SQLException {
        return ChainedEvent.stored(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), HashChain.parse(rs.getBytes(7)), HashChain.parse(rs.getBytes(8)));
    }
}
