package de.offenekommune.verification.attestation;

import de.offenekommune.verification.trust.TrustedIssuer;

/** The outcome of checking an attestation: a badge, or the reason there is none. */
public sealed interface AttestationVerification {

    record Valid(Attestation attestation, TrustedIssuer issuer) implements AttestationVerification {
    }

    record Invalid(InvalidReason reason, String message) implements AttestationVerification {
    }
}
