-- One row per registered workflow version (read model workflow-version), as its WorkflowRegistered recorded it.
-- Versions never change, so rows are only inserted; last_sequence is the position of that event in its workflow's
-- stream (version - 1), so a replayed event inserts nothing. definition is json, not jsonb, to keep its key order.
CREATE TABLE workflow_version (
    name          VARCHAR(100) NOT NULL,
    version       INTEGER      NOT NULL,
    digest        VARCHAR(80)  NOT NULL,
    definition    JSON         NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (name, version)
);
