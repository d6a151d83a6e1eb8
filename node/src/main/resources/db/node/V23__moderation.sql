-- Moderation: flags (local or, later, remote ActivityPub Flag), hidden content with its public
-- reason, and the public log of every moderation action.

CREATE TABLE moderation_flag (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind         text NOT NULL,
    target_id           bigint NOT NULL,
    reporter_account_id bigint REFERENCES account (id) ON DELETE SET NULL,
    remote_reporter     text,           -- actor URI of a remote reporter
    ap_id               text UNIQUE,    -- id of the remote Flag activity
    reason              text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    resolved_at         timestamptz,
    resolution          text CHECK (resolution IN ('HIDE', 'RESTORE', 'DISMISS'))
);
-- One open flag per reporter and item.
CREATE UNIQUE INDEX moderation_flag_open_local_key ON moderation_flag (target_kind, target_id, reporter_account_id)
    WHERE resolved_at IS NULL AND reporter_account_id IS NOT NULL;
CREATE UNIQUE INDEX moderation_flag_open_remote_key ON moderation_flag (target_kind, target_id, remote_reporter)
    WHERE resolved_at IS NULL AND remote_reporter IS NOT NULL;
CREATE INDEX moderation_flag_queue_idx ON moderation_flag (target_kind, target_id) WHERE resolved_at IS NULL;

-- Content pages join this table to show "hidden by moderation: <reason>" in place.
CREATE TABLE moderation_hidden (
    target_kind text NOT NULL,
    target_id   bigint NOT NULL,
    reason      text NOT NULL,
    hidden_at   timestamptz NOT NULL DEFAULT now(),
    hidden_by   bigint REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (target_kind, target_id)
);

CREATE TABLE moderation_log (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                   timestamptz NOT NULL DEFAULT now(),
    target_kind          text NOT NULL,
    target_id            bigint NOT NULL,
    action               text NOT NULL CHECK (action IN ('HIDE', 'RESTORE', 'DISMISS')),
    reason               text NOT NULL,
    moderator_account_id bigint REFERENCES account (id) ON DELETE SET NULL  -- internal; not shown publicly
);
