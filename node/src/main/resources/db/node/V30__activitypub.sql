-- ActivityPub: local actors' keys, outgoing activities, remote voters, neighbouring towns and what
-- local citizens did on their objects. The protocol state (followers, delivery queue, inbox) is in
-- the federation module's fed_* tables.

-- One key pair set per local actor (town, project group, citizen, instance actor), made when first
-- needed. Parsed once per process and kept in memory.
CREATE TABLE ap_actor_key (
    actor_uri       text PRIMARY KEY,
    rsa_private_pem text        NOT NULL,   -- RSA-2048, PKCS#8 PEM (draft-cavage signatures, Mastodon)
    ed25519_secret  text        NOT NULL,   -- Ed25519 secret key, multibase (RFC 9421, FEP-521a)
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Outgoing activities. Written in the transaction of the change they report; a relay hands them to
-- the federation delivery queue after the commit (relayed_at). Public ones form the actors' outbox
-- collections and are served at their id (/aktivitaeten/{uuid}).
CREATE TABLE ap_activity (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid         uuid        NOT NULL UNIQUE,
    actor_uri    text        NOT NULL,
    type         text        NOT NULL,
    object_uri   text,
    body         text        NOT NULL,
    public       boolean     NOT NULL,
    followers_of text[]      NOT NULL DEFAULT '{}',  -- deliver to the followers of these local actors
    inboxes      text[]      NOT NULL DEFAULT '{}',  -- and to these inboxes
    actors       text[]      NOT NULL DEFAULT '{}',  -- and to these remote actors' inboxes
    -- Activities with a key replace a pending one with the same key (Update{Question} after votes,
    -- a Create whose object changed before it went out).
    coalesce_key text,
    not_before   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    relayed_at   timestamptz
);
CREATE INDEX ap_activity_pending_idx ON ap_activity (not_before, id) WHERE relayed_at IS NULL;
CREATE UNIQUE INDEX ap_activity_coalesce_key ON ap_activity (coalesce_key)
    WHERE relayed_at IS NULL AND coalesce_key IS NOT NULL;
CREATE INDEX ap_activity_outbox_idx ON ap_activity (actor_uri, id DESC) WHERE public AND relayed_at IS NOT NULL;
-- "Was this object ever sent with a Create?" (an edit of something never sent goes out as Create).
CREATE INDEX ap_activity_object_idx ON ap_activity (object_uri, type);

-- Fediverse voters of a survey and where to send them the Update{Question} with new counts.
CREATE TABLE ap_survey_voter (
    survey_id      bigint NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    remote_actor   text   NOT NULL,
    delivery_inbox text   NOT NULL,
    PRIMARY KEY (survey_id, remote_actor)
);

-- Remote actors that blocked one of our actors: nothing more is sent to them from that actor, and
-- what they send is ignored.
CREATE TABLE ap_blocked_by (
    remote_actor   text        NOT NULL,
    local_actor    text        NOT NULL,
    block_activity text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (remote_actor, local_actor)
);
CREATE UNIQUE INDEX ap_blocked_by_activity_key ON ap_blocked_by (block_activity);

-- Neighbouring towns the town actor follows (by handle, chosen by an admin).
CREATE TABLE ap_neighbour (
    actor_uri       text PRIMARY KEY,
    handle          text        NOT NULL,
    name            text        NOT NULL,
    profile_url     text,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    follow_activity text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Public projects and proposals of followed towns, as they published them.
CREATE TABLE ap_neighbour_item (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ap_id             text        NOT NULL UNIQUE,
    neighbour_actor   text        NOT NULL REFERENCES ap_neighbour (actor_uri) ON DELETE CASCADE,
    attributed_to     text        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('PROJECT', 'PROPOSAL')),
    name              text        NOT NULL,
    summary           text        NOT NULL DEFAULT '',
    url               text        NOT NULL,
    proposal_status   text,
    local_supports    int,
    remote_supports   int,
    support_threshold int,
    published_at      timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    deleted_at        timestamptz
);
CREATE INDEX ap_neighbour_item_latest_idx ON ap_neighbour_item (published_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX ap_neighbour_item_actor_idx ON ap_neighbour_item (neighbour_actor);

-- What local citizens did on neighbours' objects with their own Person actor: a Like (support) or a
-- Note (comment). The Like's or Note's id is /profil/{username}/fern/{uuid}.
CREATE TABLE ap_remote_action (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid       uuid        NOT NULL UNIQUE,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    item_id    bigint      NOT NULL REFERENCES ap_neighbour_item (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('LIKE', 'NOTE')),
    body_html  text,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
);
-- One live support per citizen and neighbour proposal.
CREATE UNIQUE INDEX ap_remote_action_like_key ON ap_remote_action (account_id, item_id)
    WHERE kind = 'LIKE' AND deleted_at IS NULL;
CREATE INDEX ap_remote_action_item_idx ON ap_remote_action (item_id, account_id);
