package io.reckoning.query.replay;

import io.reckoning.query.readmodel.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The shadow copies of live read-model tables in schema {@value #SCHEMA}, and the swap that replaces the live tables
 * by them. Every copy is made from the live table as the migrations left it (columns, defaults, checks, keys,
 * indexes and triggers, with their names), so a swapped-in table is indistinguishable from a migrated one.
 */
final class ShadowTables {

    static final String SCHEMA = "query_replay";
    private static final String LIVE = Projection.LIVE_SCHEMA;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ShadowTables(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Empty copies of {@code tables}, replacing any left by an abandoned replay. {@code like ... including all}
     * copies columns, defaults, checks, keys and indexes from the catalogue (no re-parsing, so a partial index's
     * predicate stays exactly as migrated) under generated names, which are then renamed to the live ones; triggers
     * are not copied by {@code like}, so they are created from their definitions.
     */
    void create(List<String> tables) {
        transactions.executeWithoutResult(status -> {
            qualifyEverything();
            for (String table : tables) {
                jdbc.execute("drop table if exists " + SCHEMA + "." + table);
                jdbc.execute("create unlogged table " + SCHEMA + "." + table + " (like " + LIVE + "." + table
                        + " including all)");
                Map<String, String> liveIndexes = indexes(LIVE, table);
                indexes(SCHEMA, table).forEach((definition, name) -> {
                    String liveName = liveIndexes.get(definition);
                    if (liveName == null) {
                        throw new IllegalStateException("No live index like " + name + " on " + table + ".");
                    }
                    if (!liveName.equals(name)) {
                        jdbc.execute("alter index " + SCHEMA + "." + name + " rename to " + liveName);
                    }
                });
                jdbc.queryForList("""
                        select pg_get_triggerdef(oid) from pg_trigger where tgrelid = ?::regclass and not tgisinternal
                        order by tgname""", String.class, LIVE + "." + table)
                        .forEach(definition -> jdbc.execute(retarget(definition, table)));
            }
        });
    }

    /**
     * Makes the filled copies crash-safe like the live tables (one bulk write of the write-ahead log instead of one
     * record per row change) and gives the planner fresh statistics, before they answer queries.
     */
    void seal(List<String> tables) {
        tables.forEach(table -> {
            jdbc.execute("alter table " + SCHEMA + "." + table + " set logged");
            jdbc.execute("analyze " + SCHEMA + "." + table);
        });
    }

    /** A table's indexes by their definition with the index and table names left out, to pair copies with originals. */
    private Map<String, String> indexes(String schema, String table) {
        Map<String, String> byDefinition = new HashMap<>();
        jdbc.query("""
                select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indrelid = ?::regclass""", rs -> {
            String name = rs.getString(1);
            String definition = rs.getString(2).replace(" " + name + " ON " + schema + "." + table + " ", " ");
            byDefinition.put(definition, name);
        }, schema + "." + table);
        return byDefinition;
    }

    void drop(List<String> tables) {
        tables.forEach(table -> jdbc.execute("drop table if exists " + SCHEMA + "." + table));
    }

    /**
     * In one transaction: locks the live and shadow tables, asks {@code ready} (the replay has seen everything the
     * live processor has), drops the live tables, moves the copies into schema {@value LIVE} and runs
     * {@code moveTokens}. Answers false, changing nothing, when {@code ready} says no; a lock not granted within
     * {@code lockTimeout} rolls everything back with an exception.
     */
    boolean swap(List<String> tables, Duration lockTimeout, BooleanSupplier ready, Runnable moveTokens) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.execute("set local lock_timeout = " + lockTimeout.toMillis());
            StringBuilder all = new StringBuilder();
            for (String table : tables) {
                all.append(all.isEmpty() ? "" : ", ").append(LIVE).append('.').append(table)
                        .append(", ").append(SCHEMA).append('.').append(table);
            }
            jdbc.execute("lock table " + all + " in access exclusive mode");
            if (!ready.getAsBoolean()) {
                status.setRollbackOnly();
                return false;
            }
            for (String table : tables) {
                jdbc.execute("drop table " + LIVE + "." + table);
                jdbc.execute("alter table " + SCHEMA + "." + table + " set schema " + LIVE);
            }
            moveTokens.run();
            return true;
        }));
    }

    /** pg_get_*def then qualify every name, whatever the connection's search path. */
    private void qualifyEverything() {
        jdbc.execute("set local search_path = pg_catalog");
    }

    /** A definition read from a live table, pointed at its copy. */
    private static String retarget(String definition, String table) {
        String live = " ON " + LIVE + "." + table + " ";
        if (!definition.contains(live)) {
            throw new IllegalStateException("Cannot copy to the shadow table: " + definition);
        }
        return definition.replace(live, " ON " + SCHEMA + "." + table + " ");
    }
}
