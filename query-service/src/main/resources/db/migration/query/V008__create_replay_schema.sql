-- Where a projection replay builds its shadow tables: same names as in schema query, filled from position zero
-- by a replay processor and moved into schema query in one transaction when caught up (see ADR 0008). Empty
-- unless a replay is running or was abandoned by a restart; the next replay of the same read model clears it.
CREATE SCHEMA IF NOT EXISTS query_replay;
