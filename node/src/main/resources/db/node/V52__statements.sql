-- Official statements (Stellungnahmen) of verified organisations on projects and proposals, shown
-- apart from comments: written here by a local organisation (also on a neighbour's proposal, then
-- sent there), or received from a remote organisation.

CREATE TABLE statement (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind     text NOT NULL CHECK (target_kind IN ('project', 'proposal', 'neighbour')),
    target_id       bigint NOT NULL,
    organisation_id bigint REFERENCES organisation (id) ON DELETE CASCADE,
    remote_actor    text,
    remote_name     text,
    remote_url      text,
    ap_id           text UNIQUE,         -- remote statements: their ActivityPub id
    body_markdown   text,
    body_html       text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz,
    CHECK ((organisation_id IS NULL) <> (remote_actor IS NULL))
);
CREATE INDEX statement_target_idx ON statement (target_kind, target_id, id);
CREATE INDEX statement_organisation_idx ON statement (organisation_id, id) WHERE organisation_id IS NOT NULL;
