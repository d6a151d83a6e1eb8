package de.offenekommune.verification.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.testing.InMemoryActors;
import de.offenekommune.verification.testing.TestActors;
import de.offenekommune.verification.testing.Vectors;

class ObjectIntegrityProofsTest {
    private static final Clock VECTOR_TIME = Clock.fixed(Instant.parse("2023-02-24T23:36:38Z"), ZoneOffset.UTC);
    private static final URI ALICE = URI.create("https://server.example/users/alice");
    private static final URI ALICE_KEY = URI.create("https://server.example/users/alice#ed25519-key");

    private final List<ObjectNode> vector = Vectors.fep8b32Documents();
    private final InMemoryActors actors = new InMemoryActors().put(vector.get(3));
    private final ObjectIntegrityProofs proofs = proofs(actors);

    private static ObjectIntegrityProofs proofs(InMemoryActors actors) {
        return new ObjectIntegrityProofs(ActorProofVerifier.withEddsaSuites(actors, VECTOR_TIME), VECTOR_TIME);
    }

    @Test
    void signingTheFep8b32DocumentReproducesTheExpectedProof() {
        SigningKey alice = SigningKey.of(ALICE, ALICE_KEY, Vectors.vectorPrivateKey());

        assertEquals(vector.get(1), proofs.sign(vector.get(0), alice));
    }

    @Test
    void theFep8b32SignedDocumentVerifiesAgainstAlicesActor() {
        ActorProof result = proofs.verify(vector.get(2));

        ActorProof.Proven proven = assertInstanceOf(ActorProof.Proven.class, result);
        assertEquals(ALICE, proven.actor());
        assertEquals(ALICE_KEY, proven.method().id());
    }

    @Test
    void changedContentFailsTheSignature() {
        ObjectNode tampered = vector.get(2).deepCopy();
        ((ObjectNode) tampered.get("object")).put("content", "Hello forgery");

        assertFailure(ProofFailure.BAD_SIGNATURE, proofs.verify(tampered));
    }

    @Test
    void aCopiedFloatMustKeepItsValue() {
        ObjectNode tampered = vector.get(2).deepCopy();
        ((ObjectNode) tampered.get("object").get("location")).put("latitude", 25.273963);

        assertFailure(ProofFailure.BAD_SIGNATURE, proofs.verify(tampered));
    }

    @Test
    void anActivityClaimingAnotherActorOfTheSameServerIsRejected() {
        ObjectNode spoofed = vector.get(2).deepCopy();
        spoofed.put("actor", "https://server.example/users/bob");

        assertFailure(ProofFailure.KEY_NOT_OWNED, proofs.verify(spoofed));
        assertEquals(0, actors.lookups(), "a key of another actor is refused before any fetch");
    }

    @Test
    void anOwnerOnAnotherOriginThanTheObjectIsRejected() {
        ObjectNode foreign = vector.get(2).deepCopy();
        foreign.put("id", "https://elsewhere.example/activities/1");

        assertFailure(ProofFailure.ORIGIN_MISMATCH, proofs.verify(foreign));
    }

    @Test
    void aKeyOnAnotherOriginCannotSignForTheOwner() {
        SigningKey mallory = TestActors.newKey("https://evil.example/users/mallory");
        ObjectNode note = vector.get(0).deepCopy();
        note.put("actor", mallory.controller().toString());
        ObjectNode signedByMallory = new EddsaJcs2022().sign(note, mallory, VECTOR_TIME.instant());
        signedByMallory.put("actor", ALICE.toString());

        assertFailure(ProofFailure.KEY_NOT_OWNED, proofs.verify(signedByMallory));
    }

    @Test
    void aKeyNotListedAsAssertionMethodIsRejected() {
        ObjectNode withoutKeys = vector.get(3).deepCopy();
        withoutKeys.remove("assertionMethod");

        assertFailure(ProofFailure.KEY_NOT_OWNED, proofs(new InMemoryActors().put(withoutKeys)).verify(vector.get(2)));
    }

    @Test
    void aResolverFailureBecomesAResult() {
        ObjectIntegrityProofs failing = new ObjectIntegrityProofs(ActorProofVerifier.withEddsaSuites(method -> {
            throw new IllegalStateException("connection refused");
        }, VECTOR_TIME), VECTOR_TIME);

        ActorProof result = failing.verify(vector.get(2));

        assertFailure(ProofFailure.KEY_UNRESOLVED, result);
        assertEquals(true, ((ActorProof.Failed) result).message().contains("connection refused"));
    }

    @Test
    void malformedProofsAreReportedAsSuch() {
        ObjectNode noProof = vector.get(0);
        ObjectNode proofSet = vector.get(2).deepCopy();
        proofSet.putArray("proof").add(vector.get(2).get("proof"));
        ObjectNode shortValue = vector.get(2).deepCopy();
        ((ObjectNode) shortValue.get("proof")).put("proofValue", "z3yMkS");
        ObjectNode wrongPurpose = vector.get(2).deepCopy();
        ((ObjectNode) wrongPurpose.get("proof")).put("proofPurpose", "authentication");
        ObjectNode numberAsMethod = vector.get(2).deepCopy();
        ((ObjectNode) numberAsMethod.get("proof")).put("verificationMethod", 42);

        for (ObjectNode bad : List.of(noProof, proofSet, shortValue, wrongPurpose, numberAsMethod)) {
            assertFailure(ProofFailure.MALFORMED, proofs.verify(bad));
        }
    }

    @Test
    void unknownCryptosuitesAndExpiredProofsAreRejected() {
        ObjectNode otherSuite = vector.get(2).deepCopy();
        ((ObjectNode) otherSuite.get("proof")).put("cryptosuite", "ecdsa-jcs-2019");
        ObjectNode expired = vector.get(2).deepCopy();
        ((ObjectNode) expired.get("proof")).put("expires", "2023-01-01T00:00:00Z");

        assertFailure(ProofFailure.UNSUPPORTED_CRYPTOSUITE, proofs.verify(otherSuite));
        assertFailure(ProofFailure.EXPIRED, proofs.verify(expired));
    }

    @Test
    void anEmbeddedSignedObjectAndItsActivityBothVerify() {
        SigningKey alice = SigningKey.of(ALICE, ALICE_KEY, Vectors.vectorPrivateKey());
        ObjectNode activity = vector.get(0).deepCopy();
        ObjectNode note = (ObjectNode) activity.get("object");
        note.set("@context", activity.get("@context").deepCopy());
        activity.set("object", proofs.sign(note, alice));
        ObjectNode signedActivity = proofs.sign(activity, alice);

        assertInstanceOf(ActorProof.Proven.class, proofs.verify(signedActivity));
        assertInstanceOf(ActorProof.Proven.class, proofs.verify(signedActivity.get("object")));
    }

    @Test
    void signingForSomeoneElseIsRefused() {
        SigningKey bob = TestActors.newKey("https://server.example/users/bob");

        assertThrows(IllegalArgumentException.class, () -> proofs.sign(vector.get(0), bob));
    }

    @Test
    void ownersAreReadFromActorAttributedToOrTheActorItself() {
        assertEquals(ALICE, ObjectIntegrityProofs.owner(vector.get(0)));
        assertEquals(ALICE, ObjectIntegrityProofs.owner(vector.get(0).get("object")));
        assertEquals(ALICE, ObjectIntegrityProofs.owner(vector.get(3)));
        ObjectNode twoAuthors = vector.get(0).get("object").deepCopy();
        twoAuthors.putArray("attributedTo").add("https://a.example/1").add("https://b.example/2");
        assertThrows(IllegalArgumentException.class, () -> ObjectIntegrityProofs.owner(twoAuthors));
    }

    private static void assertFailure(ProofFailure expected, ActorProof result) {
        ActorProof.Failed failed = assertInstanceOf(ActorProof.Failed.class, result, () -> "expected " + expected);
        assertEquals(expected, failed.reason(), failed.message());
    }
}
