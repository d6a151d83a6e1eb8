package de.offenekommune.verification.trust;

import java.net.URI;
import java.util.Objects;

/**
 * An issuer this node trusts, and whether it may vouch for municipality nodes ("this node is the official node of AGS
 * 05315000"): regions and anchors may, a town may not, or any town could crown a fake neighbour.
 */
public record TrustedIssuer(URI actor, TrustRole role, boolean mayAttestNodes) {
    public TrustedIssuer {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
    }
}
