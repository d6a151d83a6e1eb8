package de.offenekommune.verification.attestation;

/** Why an attestation earns no badge; each has a plain message in {@link AttestationVerification.Invalid}. */
public enum InvalidReason {
    /** Not JSON, too large, wrong types or missing members, or not our attestation format. */
    MALFORMED,
    /** Attached to another actor than the one it names, or a node attestation naming another host than its actor's. */
    SUBJECT_MISMATCH,
    /** The issuer is not on this node's trust list, or may not attest municipality nodes. */
    UNTRUSTED_ISSUER,
    /** The signing key could not be fetched. */
    ISSUER_KEY_UNRESOLVED,
    /** The signing key is not an assertion method of the issuer actor. */
    KEY_NOT_ISSUERS,
    /** The signature does not match: the attestation was changed, or signed with another key. */
    BAD_PROOF,
    NOT_YET_VALID,
    EXPIRED,
    /** The issuer's signed revocation list names it. */
    REVOKED,
    /** The issuer's revocation list could not be fetched or is not valid; fails closed. */
    REVOCATION_UNAVAILABLE
}
