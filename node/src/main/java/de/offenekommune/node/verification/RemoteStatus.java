package de.offenekommune.node.verification;

import java.time.Instant;

/**
 * What this node found out the last time it checked a remote organisation's attestations.
 *
 * @param reason    why there is no badge: an {@code InvalidReason} name, {@link #NO_ATTESTATION} or
 *                  {@link #ACTOR_UNREACHABLE}; null when verified
 * @param detail    the verifier's message (technical, shown small)
 * @param trustRole why this node trusts the issuer ({@code SELF}, {@code REGION}, {@code ANCHOR}), when verified
 * @param category  the attestation's category as in its JSON ({@code municipal_company}, ...)
 */
public record RemoteStatus(String actorUri, boolean verified, String reason, String detail, String issuer,
                           String trustRole, String category, String legalName, String domain, Instant validUntil,
                           Instant checkedAt, Instant nextCheckAt) {
    public static final String NO_ATTESTATION = "NO_ATTESTATION";
    public static final String ACTOR_UNREACHABLE = "ACTOR_UNREACHABLE";

    /** A badge now: verified at the last check, and the attestation has not run out since. */
    public boolean badge(Instant now) {
        return verified && validUntil != null && now.isBefore(validUntil);
    }
}
