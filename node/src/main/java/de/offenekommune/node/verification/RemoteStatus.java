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
 * @param ags       for a town actor ({@code municipality_node}): the municipality it is the official node of
 */
public record RemoteStatus(String actorUri, boolean verified, String reason, String detail, String issuer,
                           String trustRole, String category, String legalName, String domain, String ags,
                           Instant validUntil, Instant checkedAt, Instant nextCheckAt) {
    /** The category of node attestations: a town badge, not an organisation's. */
    public static final String MUNICIPALITY_NODE = "municipality_node";
    public static final String NO_ATTESTATION = "NO_ATTESTATION";
    public static final String ACTOR_UNREACHABLE = "ACTOR_UNREACHABLE";

    /** A badge now: verified at the last check, and the attestation has not run out since. */
    public boolean badge(Instant now) {
        return verified && validUntil != null && now.isBefore(validUntil);
    }

    /** Attested as a municipality's node (a town badge), not as an organisation. */
    public boolean town() {
        return MUNICIPALITY_NODE.equals(category);
    }
}
