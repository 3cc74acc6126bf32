-- One row per run (read model run-summary). last_sequence is the run-stream position of the last event
-- applied, so a replayed event never moves a row backwards.
CREATE TABLE run_summary (
    run_id          VARCHAR(64)  PRIMARY KEY,
    workflow        VARCHAR(100) NOT NULL,
    version         INTEGER      NOT NULL,
    digest          VARCHAR(80)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    inputs          JSONB        NOT NULL,
    idempotency_key VARCHAR(200),
    waiting_steps   JSONB,
    failed_step     VARCHAR(100),
    error           JSONB,
    started_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ,
    last_sequence   BIGINT       NOT NULL
);

CREATE INDEX run_summary_started_idx ON run_summary (started_at DESC, run_id DESC);
CREATE INDEX run_summary_status_started_idx ON run_summary (status, started_at DESC, run_id DESC);
CREATE INDEX run_summary_workflow_started_idx ON run_summary (workflow, started_at DESC, run_id DESC);
