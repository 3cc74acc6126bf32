-- The activity feed (read model activity): what operators want to notice, newest first. One row per event that
-- matters, keyed by the event's position in the store, so a replay inserts nothing twice. The workflow is taken from
-- the run's own run-started entry, so the read model depends on no other.
CREATE TABLE activity (
    position    BIGINT       PRIMARY KEY,
    run_id      VARCHAR(64)  NOT NULL,
    step_id     VARCHAR(100),
    workflow    VARCHAR(200),
    kind        VARCHAR(30)  NOT NULL,
    summary     TEXT         NOT NULL,
    principal   VARCHAR(200),
    occurred_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX activity_run_idx ON activity (run_id);
