-- Region mode (issue 7): neighbour items also for surveys and events, with what the regional
-- overview filters and maps by; the region's member towns and the participation figures they publish.

ALTER TABLE ap_neighbour_item DROP CONSTRAINT ap_neighbour_item_kind_check;
ALTER TABLE ap_neighbour_item ADD CONSTRAINT ap_neighbour_item_kind_check
    CHECK (kind IN ('PROJECT', 'PROPOSAL', 'SURVEY', 'EVENT'));
ALTER TABLE ap_neighbour_item
    ADD COLUMN project_kind  text,                           -- projects: PLANNING, CONSTRUCTION, ...
    ADD COLUMN topics        text[] NOT NULL DEFAULT '{}',   -- topic enum names (TRANSPORT, ...)
    ADD COLUMN location_name text,
    ADD COLUMN latitude      double precision CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude     double precision CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN starts_at     timestamptz,                    -- events: start; surveys: opening
    ADD COLUMN ends_at       timestamptz,                    -- events: end; surveys: closing
    -- ids of the item's parts published on their own (a survey's Questions), so their Delete finds it
    ADD COLUMN part_ids      text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT ap_neighbour_item_point_check CHECK ((latitude IS NULL) = (longitude IS NULL));

-- The overview filters by town, kind and topic, newest first, keyset-paged on (published_at, id).
CREATE INDEX ap_neighbour_item_actor_latest_idx ON ap_neighbour_item (neighbour_actor, published_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX ap_neighbour_item_kind_latest_idx ON ap_neighbour_item (kind, published_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX ap_neighbour_item_topics_idx ON ap_neighbour_item USING gin (topics) WHERE deleted_at IS NULL;
CREATE INDEX ap_neighbour_item_parts_idx ON ap_neighbour_item USING gin (part_ids);
CREATE INDEX ap_neighbour_item_located_idx ON ap_neighbour_item (published_at DESC, id DESC)
    WHERE deleted_at IS NULL AND latitude IS NOT NULL;

-- A neighbour project's phases as published (replaced on every update), for "current phase" filters.
CREATE TABLE ap_neighbour_item_phase (
    item_id   bigint NOT NULL REFERENCES ap_neighbour_item (id) ON DELETE CASCADE,
    position  int    NOT NULL,
    kind      text   NOT NULL CHECK (kind IN ('INFORMATION', 'PARTICIPATION', 'EVALUATION', 'IMPLEMENTATION')),
    name      text   NOT NULL DEFAULT '',
    starts_on date   NOT NULL,
    ends_on   date   NOT NULL,
    PRIMARY KEY (item_id, position),
    CHECK (ends_on >= starts_on)
);

-- The region's member towns: configured (region.members) or added by an admin. The region follows
-- each member's town actor like any neighbour; actor_uri is set once WebFinger has found it.
CREATE TABLE region_member (
    ags             text PRIMARY KEY CHECK (ags ~ '^[0-9]{8}$'),
    handle          text        NOT NULL UNIQUE,      -- name@host[:port], lower case, without a leading @
    actor_uri       text UNIQUE,
    source          text        NOT NULL CHECK (source IN ('CONFIG', 'ADMIN')),
    added_by        bigint REFERENCES account (id) ON DELETE SET NULL,
    last_error      text,                             -- why the last attempt to reach it failed
    last_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    -- The region's node attestation of this member ("official node of AGS N"), attached by the
    -- verification workflow later; no foreign key until that table exists.
    attestation_id  bigint
);

-- The figures a member publishes about itself (<actor>/kennzahlen), as last fetched.
CREATE TABLE region_member_figures (
    ags               text PRIMARY KEY REFERENCES region_member (ags) ON DELETE CASCADE,
    generated_at      timestamptz NOT NULL,
    fetched_at        timestamptz NOT NULL,
    projects_open     int NOT NULL CHECK (projects_open >= 0),
    proposals_30      int NOT NULL CHECK (proposals_30 >= 0),
    proposals_365     int NOT NULL CHECK (proposals_365 >= 0),
    supports_30       int NOT NULL CHECK (supports_30 >= 0),
    supports_365      int NOT NULL CHECK (supports_365 >= 0),
    comments_30       int NOT NULL CHECK (comments_30 >= 0),
    comments_365      int NOT NULL CHECK (comments_365 >= 0),
    responses_30      int NOT NULL CHECK (responses_30 >= 0),
    responses_365     int NOT NULL CHECK (responses_365 >= 0)
);

-- The town's figures count these by creation time.
CREATE INDEX proposal_created_idx ON proposal (created_at) WHERE deleted_at IS NULL;
CREATE INDEX support_created_idx ON support (created_at);
CREATE INDEX comment_created_idx ON comment (created_at) WHERE deleted_at IS NULL;
CREATE INDEX survey_response_created_idx ON survey_response (created_at);
