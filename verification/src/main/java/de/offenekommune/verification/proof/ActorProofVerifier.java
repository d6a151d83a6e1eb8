package de.offenekommune.verification.proof;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.key.ControllerDocument;
import de.offenekommune.verification.key.ControllerDocuments;
import de.offenekommune.verification.key.Origin;
import de.offenekommune.verification.key.VerificationMethod;

/**
 * Checks that a document carries a Data Integrity proof made with a key that a given actor controls: the key is a
 * fragment of the actor's id (FEP-521a), its controller document is the actor, it is listed under the actor's
 * {@code assertionMethod} with the actor as controller, and the signature verifies. Key ownership is checked before
 * the signature, so a forged key costs no signature check; the controller document comes from the node's cache.
 */
public final class ActorProofVerifier {
    private final ControllerDocuments documents;
    private final Map<String, Cryptosuite> suites;
    private final Clock clock;

    public ActorProofVerifier(ControllerDocuments documents, List<Cryptosuite> suites, Clock clock) {
        this.documents = documents;
        this.suites = suites.stream().collect(Collectors.toUnmodifiableMap(Cryptosuite::name, Function.identity()));
        this.clock = clock;
    }

    /** eddsa-jcs-2022 and eddsa-rdfc-2022 (contexts built in). */
    public static ActorProofVerifier withEddsaSuites(ControllerDocuments documents, Clock clock) {
        return new ActorProofVerifier(documents,
                List.of(new EddsaJcs2022(), new EddsaRdfc2022(new RdfCanonicalizer(new BuiltInContexts()))), clock);
    }

    public ActorProof verify(JsonNode secured, URI actor) {
        DataIntegrityProof proof;
        try {
            proof = DataIntegrityProof.of(secured);
        } catch (IllegalArgumentException e) {
            return new ActorProof.Failed(ProofFailure.MALFORMED, e.getMessage());
        }
        Cryptosuite suite = suites.get(proof.cryptosuite());
        if (suite == null) {
            return new ActorProof.Failed(ProofFailure.UNSUPPORTED_CRYPTOSUITE,
                    "cryptosuite " + proof.cryptosuite() + " is not supported");
        }
        if (proof.expires().filter(expires -> expires.isBefore(clock.instant())).isPresent()) {
            return new ActorProof.Failed(ProofFailure.EXPIRED, "the proof expired at " + proof.expires().get());
        }
        VerificationMethod method;
        try {
            method = ownedMethod(proof.verificationMethod(), actor);
        } catch (KeyRejected e) {
            return new ActorProof.Failed(e.reason, e.getMessage());
        }
        return checkSignature(suite, (ObjectNode) secured, proof, method, actor);
    }

    private VerificationMethod ownedMethod(URI methodId, URI actor) throws KeyRejected {
        if (!Origin.same(methodId, actor)) {
            throw new KeyRejected(ProofFailure.KEY_NOT_OWNED, "key " + methodId + " is not on the origin of " + actor);
        }
        // FEP-521a: keys are fragments of the actor document. Insisting on it means a key can only be looked up in
        // the actor's own document, and keys of other actors are refused before any fetch.
        if (methodId.getRawFragment() == null || !withoutFragment(methodId).equals(actor)) {
            throw new KeyRejected(ProofFailure.KEY_NOT_OWNED,
                    "key " + methodId + " is not a fragment of the actor document " + actor);
        }
        Optional<ControllerDocument> document;
        try {
            document = documents.resolve(methodId);
        } catch (RuntimeException e) {
            throw new KeyRejected(ProofFailure.KEY_UNRESOLVED, "key " + methodId + " could not be fetched: "
                    + e.getMessage());
        }
        if (document.isEmpty()) {
            throw new KeyRejected(ProofFailure.KEY_UNRESOLVED, "key " + methodId + " could not be found");
        }
        if (!document.get().id().equals(actor)) {
            throw new KeyRejected(ProofFailure.KEY_NOT_OWNED,
                    "key " + methodId + " is published by " + document.get().id() + ", not by " + actor);
        }
        Optional<VerificationMethod> method = document.get().assertionMethod(methodId);
        if (method.isEmpty() || !method.get().controller().equals(actor)) {
            throw new KeyRejected(ProofFailure.KEY_NOT_OWNED, "key " + methodId + " is not an assertionMethod of "
                    + actor);
        }
        return method.get();
    }

    private static URI withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }

    /** A key that cannot speak for the actor; caught in {@link #verify} and turned into a result. */
    private static final class KeyRejected extends Exception {
        private final transient ProofFailure reason;

        KeyRejected(ProofFailure reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    private static ActorProof checkSignature(Cryptosuite suite, ObjectNode secured, DataIntegrityProof proof,
                                             VerificationMethod method, URI actor) {
        try {
            if (!suite.verify(secured, proof, method.publicKey())) {
                return new ActorProof.Failed(ProofFailure.BAD_SIGNATURE,
                        "the signature does not match the document (changed after signing, or another key)");
            }
        } catch (IllegalArgumentException e) {
            return new ActorProof.Failed(ProofFailure.UNVERIFIABLE, e.getMessage());
        }
        return new ActorProof.Proven(actor, method, proof);
    }
}
