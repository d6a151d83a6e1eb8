-- Organisation accounts: an account becomes an organisation's account when its holder sets up the
-- organisation (name, handle). The organisation acts through its own ActivityPub actor
-- (/organisationen/<handle>, WebFinger org-<handle>) with its own keys (ap_actor_key).

CREATE TABLE organisation (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL UNIQUE REFERENCES account (id) ON DELETE CASCADE,
    handle     text NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
    summary    text NOT NULL DEFAULT '' CHECK (length(summary) <= 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
