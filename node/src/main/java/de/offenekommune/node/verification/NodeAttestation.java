package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.UUID;

/**
 * A node attestation this node issued as a region: "the actor {@code subjectActor} at the host
 * {@code domain} is the official node of the municipality {@code ags} ({@code legalName})". The
 * signed document is kept as issued and served at its id.
 *
 * @param revokedAt null while it stands
 */
public record NodeAttestation(UUID uuid, String ags, String subjectActor, String legalName, String domain,
                              String document, Instant validFrom, Instant validUntil, Instant revokedAt) {

    /** Stands now: not revoked, within its validity period. */
    public boolean live(Instant now) {
        return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
    }
}
