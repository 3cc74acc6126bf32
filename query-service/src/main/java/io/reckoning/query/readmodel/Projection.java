package io.reckoning.query.readmodel;

import java.util.List;

/**
 * A read model's handlers as a replay needs them: the tables they write, and the same handlers writing into the
 * same-named tables of another schema (the replay's shadow tables). The live instance writes into
 * {@value #LIVE_SCHEMA}.
 */
public interface Projection {

    /** The schema the queries read and the live processors write. */
    String LIVE_SCHEMA = "query";

    /** The tables this projection writes, unqualified, in the order a swap moves them. */
    List<String> tables();

    /** The same handlers writing into schema {@code schema} instead of {@value #LIVE_SCHEMA}. */
    Projection writingTo(String schema);
}
