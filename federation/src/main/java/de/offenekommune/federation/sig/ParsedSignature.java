package de.offenekommune.federation.sig;

/**
 * A signature taken apart and pre-checked (coverage, time window, digest), waiting only for its key.
 *
 * @param algorithm null when the signature names none and the key's type decides
 */
record ParsedSignature(SignatureScheme scheme, String keyId, SignatureAlgorithm algorithm, byte[] signingInput,
                       byte[] signature) {

    /** What a parser returns: the parsed signature, or the reason it was refused before any key lookup. */
    sealed interface Outcome permits Parsed, Refused {
    }

    record Parsed(ParsedSignature signature) implements Outcome {
    }

    record Refused(SignatureCheck.Rejected rejection) implements Outcome {
        static Refused of(SignatureFailure failure, String detail) {
            return new Refused(new SignatureCheck.Rejected(failure, detail));
        }
    }
}
