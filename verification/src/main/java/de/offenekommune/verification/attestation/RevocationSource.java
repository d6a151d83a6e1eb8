package de.offenekommune.verification.attestation;

import java.net.URI;

/**
 * Supplies an issuer's signed revocation list. The node implements it with its SSRF-guarded fetcher and a cache
 * (a list may be served from cache for a while, e.g. 15 minutes, and stale copies bridge short outages);
 * {@link AttestationVerifier} checks the list's issuer, id and proof itself.
 */
@FunctionalInterface
public interface RevocationSource {
    /**
     * @param issuer the attestation's issuer actor
     * @param revocationList the list URL the attestation names; same origin as the issuer (checked before the call)
     */
    RevocationLookup fetch(URI issuer, URI revocationList);
}
