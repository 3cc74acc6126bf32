-- One row per step of a run (read model step-run), created PENDING when the run starts.
CREATE TABLE step_run (
    run_id        VARCHAR(64)  NOT NULL,
    step_id       VARCHAR(100) NOT NULL,
    position      INTEGER      NOT NULL,
    type          VARCHAR(50)  NOT NULL,
    needs         JSONB        NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    attempt       INTEGER      NOT NULL DEFAULT 0,
    input         JSONB,
    output        JSONB,
    artifacts     JSONB        NOT NULL DEFAULT '[]',
    error         JSONB,
    attestation   JSONB,
    scheduled_at  TIMESTAMPTZ,
    started_at    TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (run_id, step_id)
);
