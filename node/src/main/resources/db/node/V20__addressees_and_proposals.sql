-- Addressees (council members, committees, departments) kept by staff, and citizens' proposals to them.

CREATE TABLE addressee (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('COUNCIL_MEMBER', 'COMMITTEE', 'DEPARTMENT')),
    description text NOT NULL DEFAULT '',
    email       text,                                   -- notifications; none: nobody is mailed
    account_id  bigint REFERENCES account (id) ON DELETE SET NULL, -- this account may answer for the addressee
    active      boolean NOT NULL DEFAULT true,          -- inactive: kept for old proposals, not offered for new ones
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX addressee_name_key ON addressee (lower(name));
CREATE INDEX addressee_account_idx ON addressee (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE proposal (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_account_id        bigint REFERENCES account (id) ON DELETE SET NULL,
    -- The random value of the form it came from: a form sent twice finds the first proposal.
    submission_key           text,
    title                    text NOT NULL,
    summary                  text NOT NULL,
    body_markdown            text NOT NULL,
    body_html                text NOT NULL,
    topic                    text NOT NULL CHECK (topic IN ('VERKEHR', 'UMWELT', 'BAUEN', 'BILDUNG', 'SOZIALES',
                                                            'KULTUR', 'WIRTSCHAFT', 'VERWALTUNG')),
    location                 text,
    status                   text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'IN_REVIEW', 'ANSWERED')),
    outcome                  text CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'PARTLY', 'DONE')),
    answer_markdown          text,
    answer_html              text,
    answered_by_account_id   bigint REFERENCES account (id) ON DELETE SET NULL,
    answered_as_addressee_id bigint REFERENCES addressee (id) ON DELETE SET NULL,
    answered_at              timestamptz,
    status_changed_at        timestamptz NOT NULL DEFAULT now(),
    -- Threshold and deadline are fixed at submission: a later settings change does not move the goal.
    support_threshold        int NOT NULL CHECK (support_threshold > 0),
    support_deadline         timestamptz NOT NULL,
    threshold_reached_at     timestamptz,              -- set once; the addressees are told once
    -- Local and fediverse supports are counted apart (shown apart) and kept in step with the support table.
    local_supports           int NOT NULL DEFAULT 0 CHECK (local_supports >= 0),
    remote_supports          int NOT NULL DEFAULT 0 CHECK (remote_supports >= 0),
    supports                 int GENERATED ALWAYS AS (local_supports + remote_supports) STORED,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    deleted_at               timestamptz,
    CHECK ((status = 'ANSWERED') = (outcome IS NOT NULL)),
    CHECK (status <> 'ANSWERED' OR (answer_html IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE UNIQUE INDEX proposal_submission_key ON proposal (author_account_id, submission_key);
CREATE INDEX proposal_author_idx ON proposal (author_account_id);
-- The list: newest (id) or most supported (supports, id), optionally by status or topic; keyset paging.
CREATE INDEX proposal_status_idx ON proposal (status, id) WHERE deleted_at IS NULL;
CREATE INDEX proposal_topic_idx ON proposal (topic, id) WHERE deleted_at IS NULL;
CREATE INDEX proposal_supports_idx ON proposal (supports, id) WHERE deleted_at IS NULL;
CREATE INDEX proposal_status_supports_idx ON proposal (status, supports, id) WHERE deleted_at IS NULL;
CREATE INDEX proposal_topic_supports_idx ON proposal (topic, supports, id) WHERE deleted_at IS NULL;

CREATE TABLE proposal_addressee (
    proposal_id  bigint NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    addressee_id bigint NOT NULL REFERENCES addressee (id),
    PRIMARY KEY (proposal_id, addressee_id)
);
CREATE INDEX proposal_addressee_by_addressee_idx ON proposal_addressee (addressee_id, proposal_id);
