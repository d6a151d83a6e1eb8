package de.offenekommune.node.verification;

import java.time.Instant;

/** One decision of an admin, as the audit log keeps it. */
public record AuditEntry(long id, Instant at, String adminName, Action action, Long requestId,
                         String organisationName, String reason) {

    public enum Action {
        APPROVED, REJECTED, REVOKED
    }
}
