-- Node attestations (issue 7): a region vouches that a member's town actor is the official node of
-- its municipality ("this actor at this host is the official node of AGS N", category
-- MUNICIPALITY_NODE). The region keeps them with the attestations it issues to organisations (same
-- issuer key, same revocation list); the member keeps what it received and shows it; every node keeps
-- the AGS a remote town actor was found attested for.

-- Issued here: an organisation's attestation names the organisation and its request, a node
-- attestation the member's town actor and AGS.
ALTER TABLE verification_attestation
    ALTER COLUMN organisation_id DROP NOT NULL,
    ALTER COLUMN request_id DROP NOT NULL,
    ADD COLUMN subject_actor text,
    ADD COLUMN ags text CHECK (ags ~ '^[0-9]{8}$'),
    ADD CONSTRAINT verification_attestation_subject_check CHECK (
        CASE WHEN category = 'MUNICIPALITY_NODE'
             THEN organisation_id IS NULL AND request_id IS NULL AND subject_actor IS NOT NULL AND ags IS NOT NULL
             ELSE organisation_id IS NOT NULL AND request_id IS NOT NULL AND subject_actor IS NULL AND ags IS NULL
        END);
CREATE INDEX verification_attestation_node_idx ON verification_attestation (ags) WHERE ags IS NOT NULL;

-- The member's standing attestation (V60 prepared the column before the table existed).
ALTER TABLE region_member ALTER COLUMN attestation_id TYPE uuid USING NULL;
ALTER TABLE region_member ADD CONSTRAINT region_member_attestation_fkey FOREIGN KEY (attestation_id)
    REFERENCES verification_attestation (uuid) ON DELETE SET NULL;

-- Remote town actors: the AGS their municipality_node attestation names (the town badge).
ALTER TABLE verification_remote_status ADD COLUMN ags text;

-- On a member: the node attestations its region (an issuer this node trusts) sent it, as signed and
-- checked on arrival; attached to the town actor's document. A renewal replaces the issuer's previous one.
CREATE TABLE verification_held_attestation (
    id          text PRIMARY KEY,                 -- the attestation's id, on the issuer's origin
    issuer      text NOT NULL,
    issuer_name text NOT NULL,
    trust_role  text NOT NULL CHECK (trust_role IN ('REGION', 'ANCHOR')),
    ags         text NOT NULL CHECK (ags ~ '^[0-9]{8}$'),
    legal_name  text NOT NULL,
    domain      text NOT NULL,
    document    text NOT NULL,
    valid_from  timestamptz NOT NULL,
    valid_until timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX verification_held_attestation_issuer_idx ON verification_held_attestation (issuer);
