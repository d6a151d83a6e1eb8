package de.offenekommune.verification.attestation;

import java.util.Optional;

import de.offenekommune.verification.proof.ActorProof;
import de.offenekommune.verification.proof.ActorProofVerifier;

/**
 * Looks an attestation up in its issuer's revocation list, after checking that the list is the one the attestation
 * names, published by the same issuer and signed with one of the issuer's assertion-method keys.
 */
final class RevocationChecker {
    private final RevocationSource source;
    private final ActorProofVerifier proofs;

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
        return list.find(attestation.id()).map(revocation -> new AttestationVerification.Invalid(InvalidReason.REVOKED,
                "revoked on " + revocation.revokedAt() + ": " + revocation.reason()));
    }

    private static Optional<AttestationVerification.Invalid> unavailable(String message) {
        return Optional.of(new AttestationVerification.Invalid(InvalidReason.REVOCATION_UNAVAILABLE, message));
    }
}
