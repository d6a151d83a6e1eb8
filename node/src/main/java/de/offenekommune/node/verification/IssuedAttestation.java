package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.UUID;

/**
 * An attestation this node issued; {@code document} is the signed JSON as issued.
 *
 * @param revokedAt null while it stands
 */
public record IssuedAttestation(UUID uuid, long organisationId, long requestId, String document, Category category,
                                String legalName, String domain, Instant validFrom, Instant validUntil,
                                Instant revokedAt, String revocationReason) {

    /** Stands now: not revoked, within its validity period. */
    public boolean live(Instant now) {
        return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
    }
}
