-- Attestation and corrections in the run view: every correction of a step's output, the attestors the run's
-- definition names for the step, and since when the step waits for an operator (the attestation inbox).
ALTER TABLE step_run ADD COLUMN corrections JSONB NOT NULL DEFAULT '[]';
ALTER TABLE step_run ADD COLUMN attestors JSONB NOT NULL DEFAULT '[]';
ALTER TABLE step_run ADD COLUMN waiting_since TIMESTAMPTZ;

CREATE INDEX step_run_waiting_idx ON step_run (waiting_since, run_id, position) WHERE status = 'WAITING';
-- The trust score reads finished steps by end time.
CREATE INDEX step_run_ended_idx ON step_run (ended_at) WHERE status IN ('SUCCEEDED', 'FAILED');
