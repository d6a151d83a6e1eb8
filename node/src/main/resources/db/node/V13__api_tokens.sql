-- Bearer tokens for the staff JSON API. Only the SHA-256 of a token is stored; the token itself is
-- shown once when it is created.

CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash   bytea NOT NULL UNIQUE,
    name         text NOT NULL,
    account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,  -- acts as this account
    created_by   bigint REFERENCES account (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_account_idx ON api_token (account_id);
