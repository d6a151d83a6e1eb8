package de.offenekommune.verification.proof;

import java.net.URI;

import de.offenekommune.verification.key.VerificationMethod;

/** The outcome of checking that a document was signed by a given actor. */
public sealed interface ActorProof {

    /** The proof verifies with an assertion method that {@code actor} controls and lists. */
    record Proven(URI actor, VerificationMethod method, DataIntegrityProof proof) implements ActorProof {
    }

    record Failed(ProofFailure reason, String message) implements ActorProof {
    }
}
