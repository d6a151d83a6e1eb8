package de.offenekommune.federation.sig;

/** The outcome of verifying an HTTP signature: the verified key, or a typed reason. */
public sealed interface SignatureCheck {

    record Verified(SignatureScheme scheme, VerificationKey key, String algorithm) implements SignatureCheck {
        /** The actor that owns the verified key: the only actor this request may speak for. */
        public String signer() {
            return key.ownerId();
        }
    }

    record Rejected(SignatureFailure failure, String detail) implements SignatureCheck {
        public static Rejected of(SignatureFailure failure) {
            return new Rejected(failure, failure.message());
        }

        public String message() {
            return detail == null || detail.equals(failure.message()) ? failure.message()
                    : failure.message() + ": " + detail;
        }
    }
}
