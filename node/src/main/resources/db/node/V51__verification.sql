-- Verification of organisations (issue 6): requests with a domain token, the admins' decisions
-- (audit log), the attestations this node issued, its signed revocation list, and what this node
-- last found out about remote organisations' attestations.

CREATE TABLE verification_request (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id   bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    category          text NOT NULL CHECK (category IN ('POLITICS', 'ADMINISTRATION', 'INSTITUTION',
                                                        'MUNICIPAL_COMPANY')),
    sub_kind          text NOT NULL,
    legal_name        text NOT NULL CHECK (length(legal_name) BETWEEN 2 AND 300),
    domain            text NOT NULL,
    contact_name      text NOT NULL,
    contact_email     text NOT NULL,
    evidence          text NOT NULL,
    -- What the organisation publishes at https://<domain>/.well-known/offenekommune-verification.
    token             text NOT NULL UNIQUE,
    state             text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'APPROVED', 'REJECTED', 'REVOKED')),
    domain_check      text CHECK (domain_check IN ('FOUND', 'NOT_FOUND', 'WRONG_TOKEN', 'REFUSED', 'TIMEOUT',
                                                   'UNREACHABLE')),
    domain_checked_at timestamptz,
    decision_reason   text,
    decided_at        timestamptz,
    decided_by        bigint REFERENCES account (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- One open request per organisation: a form sent twice leaves one.
CREATE UNIQUE INDEX verification_request_open_key ON verification_request (organisation_id) WHERE state = 'OPEN';
CREATE INDEX verification_request_list_idx ON verification_request (id DESC);

-- Attestations issued by this node's town (or region) actor; the signed document is kept as issued.
CREATE TABLE verification_attestation (
    uuid              uuid PRIMARY KEY,
    organisation_id   bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    request_id        bigint NOT NULL UNIQUE REFERENCES verification_request (id) ON DELETE CASCADE,
    document          text NOT NULL,
    category          text NOT NULL,
    legal_name        text NOT NULL,
    domain            text NOT NULL,
    valid_from        timestamptz NOT NULL,
    valid_until       timestamptz NOT NULL,
    revoked_at        timestamptz,
    revocation_reason text
);
CREATE INDEX verification_attestation_org_idx ON verification_attestation (organisation_id) WHERE revoked_at IS NULL;
CREATE INDEX verification_attestation_revoked_idx ON verification_attestation (revoked_at) WHERE revoked_at IS NOT NULL;

-- The signed revocation list as last published (re-signed in the transaction of each revocation).
CREATE TABLE verification_revocation_list (
    issuer     text PRIMARY KEY,
    document   text NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Every decision of an admin; names are copied so the log stays readable when accounts go.
CREATE TABLE verification_audit (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                timestamptz NOT NULL,
    admin_account_id  bigint REFERENCES account (id) ON DELETE SET NULL,
    admin_name        text NOT NULL,
    action            text NOT NULL CHECK (action IN ('APPROVED', 'REJECTED', 'REVOKED')),
    request_id        bigint REFERENCES verification_request (id) ON DELETE SET NULL,
    organisation_name text NOT NULL,
    reason            text
);

-- Remote organisations: the outcome of the last check of their attestations (the badge reads it).
CREATE TABLE verification_remote_status (
    actor_uri     text PRIMARY KEY,
    verified      boolean NOT NULL,
    reason        text,                 -- why not: an InvalidReason, or NO_ATTESTATION / ACTOR_UNREACHABLE
    detail        text,
    issuer        text,
    trust_role    text,
    category      text,
    legal_name    text,
    domain        text,
    valid_until   timestamptz,
    checked_at    timestamptz NOT NULL,
    next_check_at timestamptz NOT NULL
);
CREATE INDEX verification_remote_status_due_idx ON verification_remote_status (next_check_at);
