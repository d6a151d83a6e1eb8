package de.offenekommune.verification.attestation;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One revoked attestation, with the reason the issuer gives publicly. */
public record Revocation(URI attestation, String reason, Instant revokedAt) {
    public static final int MAX_REASON = 1000;

    public Revocation {
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(reason, "reason");
        revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").truncatedTo(ChronoUnit.SECONDS);
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be 1 to " + MAX_REASON + " characters");
        }
    }
}
