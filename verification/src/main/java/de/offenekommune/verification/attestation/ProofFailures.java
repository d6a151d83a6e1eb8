package de.offenekommune.verification.attestation;

import de.offenekommune.verification.proof.ProofFailure;

/** How a failed issuer proof reads in attestation terms. */
final class ProofFailures {
    private ProofFailures() {
    }

    static InvalidReason toReason(ProofFailure failure) {
        return switch (failure) {
            case MALFORMED, UNSUPPORTED_CRYPTOSUITE -> InvalidReason.MALFORMED;
            case KEY_UNRESOLVED -> InvalidReason.ISSUER_KEY_UNRESOLVED;
            case KEY_NOT_OWNED, ORIGIN_MISMATCH -> InvalidReason.KEY_NOT_ISSUERS;
            case EXPIRED, UNVERIFIABLE, BAD_SIGNATURE -> InvalidReason.BAD_PROOF;
        };
    }
}
