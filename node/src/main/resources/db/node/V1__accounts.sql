-- Accounts, sessions, one-time tokens, rate-limit attempts, node settings and the mail outbox.

CREATE TABLE node_setting (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL,
    display_name  text NOT NULL,
    username      text NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL DEFAULT 'CITIZEN' CHECK (role IN ('CITIZEN', 'STAFF', 'ADMIN')),
    locale        text NOT NULL DEFAULT 'de',
    confirmed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);
-- E-mail addresses and user names are unique regardless of case.
CREATE UNIQUE INDEX account_email_key ON account (lower(email));
CREATE UNIQUE INDEX account_username_key ON account (lower(username));

CREATE TABLE session (
    token_hash   bytea PRIMARY KEY,          -- SHA-256 of the cookie value; the value itself is never stored
    account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    user_agent   text
);
CREATE INDEX session_account_idx ON session (account_id);
CREATE INDEX session_expires_idx ON session (expires_at);

CREATE TABLE account_token (
    token_hash bytea PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('CONFIRM', 'RESET')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

CREATE TABLE auth_attempt (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope    text NOT NULL,
    key      text NOT NULL,
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_attempt_lookup_idx ON auth_attempt (scope, key, at);

CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    attempts        int NOT NULL DEFAULT 0,
    sent_at         timestamptz,
    last_error      text
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
