package de.offenekommune.verification.trust;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The issuers whose attestations this node accepts, by actor URI: itself, its region (if any) and the anchors the
 * operator configured. Nothing else earns a badge, however valid its proof.
 */
public final class TrustList {
    private final Map<URI, TrustedIssuer> issuers;

    /**
     * @param self the node's own town or region actor
     * @param kind whether this node is a town's or a region's (a region may attest member nodes itself)
     * @param region the region this town belongs to, if any
     * @param anchors further issuers the operator trusts
     */
    public TrustList(URI self, NodeKind kind, Optional<URI> region, Set<URI> anchors) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(kind, "kind");
        Map<URI, TrustedIssuer> byActor = new LinkedHashMap<>();
        anchors.forEach(anchor -> byActor.put(anchor, new TrustedIssuer(anchor, TrustRole.ANCHOR, true)));
        region.ifPresent(r -> byActor.put(r, new TrustedIssuer(r, TrustRole.REGION, true)));
        byActor.put(self, new TrustedIssuer(self, TrustRole.SELF, kind == NodeKind.REGION));
        this.issuers = Map.copyOf(byActor);
    }

    public Optional<TrustedIssuer> find(URI issuer) {
        return Optional.ofNullable(issuers.get(issuer));
    }

    public List<TrustedIssuer> issuers() {
        return List.copyOf(issuers.values());
    }
}
