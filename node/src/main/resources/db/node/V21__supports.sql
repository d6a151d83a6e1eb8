-- Supports of proposals: one per local account, or (later) one per fediverse actor from a Like.

CREATE TABLE support (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id          bigint NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    supporter_account_id bigint REFERENCES account (id) ON DELETE CASCADE,
    remote_actor         text,          -- actor URI of a remote supporter
    ap_id                text UNIQUE,   -- id of the remote Like, so an Undo finds it
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((supporter_account_id IS NULL) <> (remote_actor IS NULL))
);
CREATE UNIQUE INDEX support_local_key ON support (proposal_id, supporter_account_id)
    WHERE supporter_account_id IS NOT NULL;
CREATE UNIQUE INDEX support_remote_key ON support (proposal_id, remote_actor) WHERE remote_actor IS NOT NULL;
CREATE INDEX support_account_idx ON support (supporter_account_id) WHERE supporter_account_id IS NOT NULL;
