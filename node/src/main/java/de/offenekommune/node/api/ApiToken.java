package de.offenekommune.node.api;

import java.time.Instant;

/** A stored API token (its hash stays in the database): who it acts as, who made it, its use. */
public record ApiToken(long id, String name, long accountId, String accountName, String accountUsername,
                       String createdByName, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
