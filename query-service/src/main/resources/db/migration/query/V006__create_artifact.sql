-- One row per artifact a step produced (StepSucceeded, StepAttested) or consumed (a StepScheduled input that
-- references one by uri and sha256), read model artifact. Rows are only inserted, keyed so that a replayed event
-- inserts nothing; last_sequence is the run-stream position of the event a row came from.
CREATE TABLE artifact (
    run_id        VARCHAR(64)   NOT NULL,
    step_id       VARCHAR(100)  NOT NULL,
    attempt       INTEGER       NOT NULL,
    direction     VARCHAR(10)   NOT NULL CHECK (direction IN ('produced', 'consumed')),
    sha256        CHAR(64)      NOT NULL,
    name          TEXT          NOT NULL,
    uri           TEXT          NOT NULL,
    size_bytes    BIGINT,
    media_type    TEXT,
    recorded_by   VARCHAR(200)  NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    last_sequence BIGINT        NOT NULL,
    PRIMARY KEY (run_id, step_id, attempt, direction, sha256, name)
);

CREATE INDEX artifact_sha256_idx ON artifact (sha256);

-- Artifacts are never deleted: the database refuses it, whoever asks.
CREATE FUNCTION refuse_artifact_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'artifacts are never deleted: % on table artifact is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER artifact_refuse_update_delete BEFORE UPDATE OR DELETE ON artifact
    FOR EACH ROW EXECUTE FUNCTION refuse_artifact_change();
CREATE TRIGGER artifact_refuse_truncate BEFORE TRUNCATE ON artifact
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_artifact_change();
