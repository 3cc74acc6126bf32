-- Step attempts handed to Kafka and not yet picked up by an executor. The reconciler sends a task again when
-- its row is older than the dispatch timeout; a row disappears once the attempt started or ended.
CREATE TABLE step_dispatch (
    run_id           VARCHAR(64)  NOT NULL,
    step_id          VARCHAR(100) NOT NULL,
    attempt          INTEGER      NOT NULL,
    topic            VARCHAR(255) NOT NULL,
    task             JSONB        NOT NULL,
    scheduled_at     TIMESTAMPTZ  NOT NULL,
    last_dispatch_at TIMESTAMPTZ  NOT NULL,
    dispatch_count   INTEGER      NOT NULL DEFAULT 1,
    PRIMARY KEY (run_id, step_id, attempt)
);

CREATE INDEX step_dispatch_last_dispatch_at_idx ON step_dispatch (last_dispatch_at);
