package de.offenekommune.verification.attestation;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.verification.proof.ActorProof;
import de.offenekommune.verification.proof.ActorProofVerifier;

/**
 * Looks an attestation up in its issuer's revocation list, after checking that the list is the one the attestation
 * names, published by the same issuer and signed with one of the issuer's assertion-method keys.
 *
 * <p>The last verified list per list URL is remembered together with the document instance it came from: while the
 * node's cache hands out the same document, the list is not parsed or verified again. Only trusted issuers get this
 * far, so the memory is bounded by the trust list.
 */
final class RevocationChecker {
    private final RevocationSource source;
    private final ActorProofVerifier proofs;
    private final Map<URI, Verified> verified = new ConcurrentHashMap<>();

    /** A list that passed all checks, and the exact document object it was read from. */
    private record Verified(JsonNode document, URI issuer, Map<URI, Revocation> revocations) {
    }

    RevocationChecker(RevocationSource source, ActorProofVerifier proofs) {
        this.source = source;
        this.proofs = proofs;
    }

    /** @return the reason the attestation fails, or empty if it is not revoked */
    Optional<AttestationVerification.Invalid> check(Attestation attestation) {
        RevocationLookup lookup;
        try {
            lookup = source.fetch(attestation.issuer(), attestation.revocationList());
        } catch (RuntimeException e) {
            return unavailable("revocation list could not be fetched: " + e.getMessage());
        }
        if (lookup instanceof RevocationLookup.Unavailable unavailable) {
            return unavailable("revocation list unavailable: " + unavailable.reason());
        }
        RevocationLookup.Found found = (RevocationLookup.Found) lookup;
        Verified known = verified.get(attestation.revocationList());
        if (known != null && known.document() == found.document() && known.issuer().equals(attestation.issuer())) {
            return revoked(known.revocations().get(attestation.id()));
        }
        RevocationList list;
        try {
            list = RevocationListJson.fromJson(found.document());
        } catch (IllegalArgumentException e) {
            return unavailable("revocation list malformed: " + e.getMessage());
        }
        if (!list.id().equals(attestation.revocationList()) || !list.issuer().equals(attestation.issuer())) {
            return unavailable("revocation list " + list.id() + " of " + list.issuer()
                    + " is not the one the attestation names");
        }
        if (proofs.verify(found.document(), attestation.issuer()) instanceof ActorProof.Failed failed) {
            return unavailable("revocation list proof invalid: " + failed.message());
        }
        Verified fresh = new Verified(found.document(), list.issuer(), list.byAttestation());
        verified.put(attestation.revocationList(), fresh);
        return revoked(fresh.revocations().get(attestation.id()));
    }

    private static Optional<AttestationVerification.Invalid> revoked(Revocation revocation) {
        return Optional.ofNullable(revocation).map(r -> new AttestationVerification.Invalid(InvalidReason.REVOKED,
                "revoked on " + r.revokedAt() + ": " + r.reason()));
    }

    private static Optional<AttestationVerification.Invalid> unavailable(String message) {
        return Optional.of(new AttestationVerification.Invalid(InvalidReason.REVOCATION_UNAVAILABLE, message));
    }
}
