package de.offenekommune.federation.sig;

/** The outcome of looking up a keyId. */
public sealed interface KeyResolution {
    record Found(VerificationKey key) implements KeyResolution {
    }

    record Failed(SignatureFailure failure, String detail) implements KeyResolution {
    }
}
