package de.offenekommune.node.verification;

/** Where a verification request stands: open until an admin decides; an approval can later be revoked. */
public enum RequestState {
    OPEN, APPROVED, REJECTED, REVOKED
}
