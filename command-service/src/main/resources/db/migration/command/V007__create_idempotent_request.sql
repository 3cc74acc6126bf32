-- The first successful answer to a request sent with an Idempotency-Key header, so that a client retrying after
-- a lost answer gets that answer again instead of a conflict. Kept for a day.
CREATE TABLE idempotent_request (
    scope        VARCHAR(300) NOT NULL,
    key          VARCHAR(200) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    body         JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

CREATE INDEX idempotent_request_created_at_idx ON idempotent_request (created_at);
