package de.offenekommune.verification.attestation;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The attestations an issuer has revoked, as of {@code updated}. Published (signed) at {@code id}, which every
 * attestation of that issuer names as its {@code revocationList}.
 */
public record RevocationList(URI id, URI issuer, Instant updated, List<Revocation> revoked) {
    public RevocationList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        updated = Objects.requireNonNull(updated, "updated").truncatedTo(ChronoUnit.SECONDS);
        revoked = List.copyOf(revoked);
        if (revoked.stream().map(Revocation::attestation).distinct().count() != revoked.size()) {
            throw new IllegalArgumentException("an attestation is listed twice");
        }
    }

    public Optional<Revocation> find(URI attestation) {
        return revoked.stream().filter(r -> r.attestation().equals(attestation)).findFirst();
    }

    /** For repeated lookups in long lists. */
    public Map<URI, Revocation> byAttestation() {
        return revoked.stream().collect(Collectors.toUnmodifiableMap(Revocation::attestation, Function.identity()));
    }

    /** A copy with one more revocation and {@code updated} set to its time. */
    public RevocationList with(Revocation revocation) {
        List<Revocation> more = new java.util.ArrayList<>(revoked);
        more.add(revocation);
        return new RevocationList(id, issuer, revocation.revokedAt().isAfter(updated) ? revocation.revokedAt() : updated,
                more);
    }
}
