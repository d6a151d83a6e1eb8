-- Double submission: every create form carries a random key; the first POST with a key claims it
-- here (in the transaction that creates the object), a second one finds it and gets the same object.
-- Proposals keep their own submission_key column (V20). Keys older than a day are pruned per
-- account when that account claims a new one.

CREATE TABLE form_submission (
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    key        text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{20,64}$'),
    kind       text NOT NULL,
    object_id  bigint,              -- set in the same transaction as the claim, so others never see it null
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, key)
);
CREATE INDEX form_submission_age_idx ON form_submission (account_id, created_at);
