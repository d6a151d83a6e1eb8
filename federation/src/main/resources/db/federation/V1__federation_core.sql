-- Federation protocol state. Every table is prefixed fed_ so the node's own migrations can share
-- the schema; this module's history lives in federation_schema_history.

-- Remote actors as last fetched; their keys are parsed once and cached in memory.
CREATE TABLE fed_remote_actor (
    id           text PRIMARY KEY,
    host         text        NOT NULL,
    inbox        text        NOT NULL,
    shared_inbox text,
    document     text        NOT NULL,
    fetched_at   timestamptz NOT NULL
);

CREATE TABLE fed_remote_key (
    key_id   text PRIMARY KEY,
    actor_id text NOT NULL REFERENCES fed_remote_actor (id) ON DELETE CASCADE,
    kind     text NOT NULL CHECK (kind IN ('PEM', 'MULTIBASE')),
    encoded  text NOT NULL
);
CREATE INDEX fed_remote_key_actor ON fed_remote_key (actor_id);

-- Who follows which local actor, with the inboxes fan-out needs (no join at delivery time).
CREATE TABLE fed_follower (
    local_actor     text        NOT NULL,
    remote_actor    text        NOT NULL,
    inbox           text        NOT NULL,
    shared_inbox    text,
    state           text        NOT NULL CHECK (state IN ('pending', 'accepted')),
    follow_activity text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (local_actor, remote_actor)
);
CREATE INDEX fed_follower_inbox ON fed_follower (inbox);
CREATE INDEX fed_follower_shared_inbox ON fed_follower (shared_inbox);

-- Per remote host: which signature generation works, and whether it is reachable at all.
CREATE TABLE fed_host (
    host              text PRIMARY KEY,
    signature_scheme  text CHECK (signature_scheme IN ('CAVAGE', 'RFC9421')),
    failure_days      int  NOT NULL DEFAULT 0,
    last_failure_day  date,
    unavailable_since timestamptz,
    last_success_at   timestamptz
);

-- The outbound queue: one body per activity, one row per target inbox.
CREATE TABLE fed_outbound_activity (
    id           bigserial PRIMARY KEY,
    activity_id  text,
    sender_actor text        NOT NULL,
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE fed_delivery (
    id              bigserial PRIMARY KEY,
    activity        bigint      NOT NULL REFERENCES fed_outbound_activity (id) ON DELETE CASCADE,
    inbox           text        NOT NULL,
    host            text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('queued', 'delivered', 'failed', 'gone', 'skipped')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    locked_by       text,
    last_status     int,
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    UNIQUE (activity, inbox)
);
CREATE INDEX fed_delivery_due ON fed_delivery (next_attempt_at) WHERE state = 'queued';
CREATE INDEX fed_delivery_host ON fed_delivery (host) WHERE state = 'queued';

-- Accepted inbox activities: persisted before the 202, processed afterwards. The unique id is the
-- idempotency key: the same activity twice has one effect.
CREATE TABLE fed_inbox_activity (
    id              bigserial PRIMARY KEY,
    activity_id     text        NOT NULL UNIQUE,
    type            text        NOT NULL,
    actor           text        NOT NULL,
    signer_key      text        NOT NULL,
    inbox_owner     text,
    body            text        NOT NULL,
    received_at     timestamptz NOT NULL,
    state           text        NOT NULL CHECK (state IN ('received', 'processed', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    last_error      text,
    processed_at    timestamptz
);
CREATE INDEX fed_inbox_due ON fed_inbox_activity (next_attempt_at) WHERE state = 'received';

-- First author seen for every remote object id: a later Create reusing the id is a takeover.
CREATE TABLE fed_object_owner (
    object_id  text PRIMARY KEY,
    owner      text        NOT NULL,
    first_seen timestamptz NOT NULL
);

CREATE TABLE fed_block (
    kind       text        NOT NULL CHECK (kind IN ('domain', 'actor')),
    value      text        NOT NULL,
    reason     text,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (kind, value)
);
