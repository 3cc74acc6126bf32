-- Run semantics beyond the spine: a rerun names its original, a cancelled run keeps its reason, and a step
-- waiting for its next attempt shows when that attempt is due.
ALTER TABLE run_summary ADD COLUMN rerun_of VARCHAR(64);
ALTER TABLE run_summary ADD COLUMN cancel_reason TEXT;
ALTER TABLE step_run ADD COLUMN retry_at TIMESTAMPTZ;
