package de.offenekommune.node.verification;

import java.time.Instant;

/** Why an actor has a verified badge here, or why not: what the page {@code /verifizierung/pruefen} says. */
public sealed interface Explanation {
    String actor();

    /** The legal name the actor is verified as here, or null: what the badge shows. */
    default String verifiedAs() {
        return this instanceof Verified v ? v.legalName() : null;
    }

    /**
     * @param local     an organisation of this node (verified by this node's admins)
     * @param category  as in the attestation's JSON ({@code politics}, ...)
     * @param trustRole {@code SELF}, {@code REGION} or {@code ANCHOR}
     * @param ags       for a town actor attested as a municipality's node: the municipality's key, else null
     */
    record Verified(String actor, String name, boolean local, String legalName, String category, String domain,
                    String issuer, String trustRole, String ags, Instant validUntil, Instant checkedAt)
            implements Explanation {

        /** The official node of a municipality (a town badge), not an organisation. */
        public boolean town() {
            return ags != null;
        }
    }

    /** @param reason an {@code InvalidReason} name, or one of {@link RemoteStatus}'s own reasons, or NOT_VERIFIED */
    record NotVerified(String actor, String name, String reason, String detail, String issuer, Instant checkedAt)
            implements Explanation {
        public static final String LOCAL_NOT_VERIFIED = "NOT_VERIFIED";
    }

    /** Nothing is known here about this actor: only organisations whose content reached this node are checked. */
    record Unknown(String actor) implements Explanation {
    }
}
