-- Registered workflow versions, written in the same transaction as WorkflowRegistered so that a run can
-- start on a version the moment its registration is answered.
CREATE TABLE workflow_definition (
    name          VARCHAR(100) NOT NULL,
    version       INTEGER      NOT NULL,
    digest        VARCHAR(80)  NOT NULL,
    definition    JSONB        NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (name, version)
);
