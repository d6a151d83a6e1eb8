package de.offenekommune.node.verification;

import java.time.Instant;

/**
 * A node attestation of this node's town actor that an issuer this node trusts (its region or an
 * anchor) sent, checked on arrival and kept as signed: the about page shows it, and the town actor's
 * document carries it for everyone else to check.
 *
 * @param id        the attestation's id, on the issuer's origin
 * @param trustRole why this node trusts the issuer: {@code REGION} or {@code ANCHOR}
 */
public record HeldAttestation(String id, String issuer, String issuerName, String trustRole, String ags,
                              String legalName, String domain, String document, Instant validFrom, Instant validUntil,
                              Instant receivedAt) {

    /** Within its validity period (revocation is checked by whoever relies on it). */
    public boolean live(Instant now) {
        return !now.isBefore(validFrom) && now.isBefore(validUntil);
    }
}
