package de.offenekommune.verification.attestation;

import static de.offenekommune.verification.attestation.AttestationFixture.NOW;
import static de.offenekommune.verification.attestation.AttestationFixture.REGION;
import static de.offenekommune.verification.attestation.AttestationFixture.STADTWERKE;
import static de.offenekommune.verification.attestation.AttestationFixture.TOWN;
import static de.offenekommune.verification.attestation.AttestationVerifierTest.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.offenekommune.federation.key.Base58;
import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.testing.TestActors;

/**
 * Every change to a signed attestation breaks it: each string value altered, each member removed, a member added to
 * each object, an element added to and removed from each array, across the whole document including the proof.
 */
class AttestationTamperingTest {
    private static final AttestationFixture FIXTURE = new AttestationFixture();
    private static final ObjectNode SIGNED = FIXTURE.issue(FIXTURE.townKey, AttestationFixture.stadtwerke());
    private static final ObjectNode NODE_ATTESTATION = FIXTURE.issue(FIXTURE.regionKey, AttestationFixture.attestation(
            REGION, TOWN, AttestationCategory.MUNICIPALITY_NODE, Optional.of("05315000")));

    static Stream<Arguments> everyChangeToTheDocument() {
        List<Arguments> cases = new ArrayList<>();
        for (ObjectNode original : List.of(SIGNED, NODE_ATTESTATION)) {
            String kind = original == SIGNED ? "company " : "node ";
            collect(original, "", (path, mutation) -> {
                ObjectNode copy = original.deepCopy();
                mutation.accept(copy);
                cases.add(Arguments.of(Named.of(kind + path, copy)));
            });
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyChangeToTheDocument")
    void anyChangeMakesTheAttestationInvalid(ObjectNode tampered) {
        // Judge each change against the subject it claims, so the proof (not the subject check) must catch it.
        URI subject = claimedSubject(tampered);

        assertInstanceOf(AttestationVerification.Invalid.class, FIXTURE.verifier().verify(tampered, subject));
    }

    @Test
    void theUntamperedDocumentsAreValid() {
        assertInstanceOf(AttestationVerification.Valid.class, FIXTURE.verifier().verify(SIGNED, STADTWERKE));
        assertInstanceOf(AttestationVerification.Valid.class, FIXTURE.verifier().verify(NODE_ATTESTATION, TOWN));
    }

    @Test
    void aChangedProofValueWithAValidEncodingIsABadProof() {
        ObjectNode tampered = SIGNED.deepCopy();
        byte[] signature = Base58.decode(tampered.get("proof").get("proofValue").textValue().substring(1));
        signature[10] ^= 0x01;
        ((ObjectNode) tampered.get("proof")).put("proofValue", "z" + Base58.encode(signature));

        assertInvalid(InvalidReason.BAD_PROOF, FIXTURE.verifier().verify(tampered, STADTWERKE));
    }

    @Test
    void aChangedCreatedTimeIsABadProof() {
        ObjectNode tampered = SIGNED.deepCopy();
        ((ObjectNode) tampered.get("proof")).put("created", NOW.minusSeconds(1).toString());

        assertInvalid(InvalidReason.BAD_PROOF, FIXTURE.verifier().verify(tampered, STADTWERKE));
    }

    @Test
    void anotherListedKeyOfTheIssuerDoesNotVerifyTheSignature() {
        SigningKey second = SigningKey.of(TOWN, URI.create(TOWN + "#second-key"), Ed25519.generate());
        ObjectNode townWithTwoKeys = TestActors.actorDocument(FIXTURE.townKey, "Organization");
        townWithTwoKeys.withArray("assertionMethod").add(second.method().toJson());
        AttestationFixture local = new AttestationFixture();
        local.actors.put(townWithTwoKeys);
        ObjectNode signed = local.issue(FIXTURE.townKey, AttestationFixture.stadtwerke());
        ((ObjectNode) signed.get("proof")).put("verificationMethod", second.keyId().toString());

        assertInvalid(InvalidReason.BAD_PROOF, local.verifier().verify(signed, STADTWERKE));
    }

    @Test
    void aVerificationMethodTheIssuerDoesNotListIsNotTheIssuers() {
        ObjectNode tampered = SIGNED.deepCopy();
        ((ObjectNode) tampered.get("proof")).put("verificationMethod", TOWN + "#unknown-key");

        assertInvalid(InvalidReason.KEY_NOT_ISSUERS, FIXTURE.verifier().verify(tampered, STADTWERKE));
    }

    @Test
    void aReplacedIssuerKeyBreaksTheProof() {
        AttestationFixture rotated = new AttestationFixture();
        SigningKey newKey = SigningKey.of(TOWN, FIXTURE.townKey.keyId(), Ed25519.generate());
        rotated.actors.put(TestActors.actorDocument(newKey, "Organization"));
        rotated.publish(newKey, new RevocationList(AttestationFixture.revocationListOf(TOWN), TOWN, NOW, List.of()));

        assertInvalid(InvalidReason.BAD_PROOF, rotated.verifier().verify(SIGNED, STADTWERKE));
    }

    @Test
    void anotherTrustedIssuerCannotClaimTheAttestation() {
        ObjectNode tampered = SIGNED.deepCopy();
        tampered.put("issuer", REGION.toString());

        // Also the id and list move to the region's origin, so only the key can give it away.
        tampered.put("id", REGION.resolve("/attestations/1").toString());
        tampered.put("revocationList", AttestationFixture.revocationListOf(REGION).toString());
        assertInvalid(InvalidReason.KEY_NOT_ISSUERS, FIXTURE.verifier().verify(tampered, STADTWERKE));
    }

    @Test
    void aResolverAnsweringWithAnotherActorsDocumentIsCaught() {
        SigningKey mallory = TestActors.newKey("https://musterstadt.example/users/mallory");
        AttestationFixture lying = new AttestationFixture();
        lying.actors.putAt(TOWN, TestActors.actorDocument(mallory, "Person"));

        assertInvalid(InvalidReason.KEY_NOT_ISSUERS, lying.verifier().verify(SIGNED, STADTWERKE));
    }

    private static URI claimedSubject(ObjectNode tampered) {
        JsonNode subject = tampered.path("credentialSubject").path("id");
        try {
            return subject.isTextual() ? URI.create(subject.textValue()) : STADTWERKE;
        } catch (IllegalArgumentException e) {
            return STADTWERKE;
        }
    }

    /** Walks the tree and reports, per location, the mutations to try (applied to a fresh copy each time). */
    private static void collect(JsonNode node, String path, BiConsumer<String, Consumer<ObjectNode>> out) {
        if (node.isObject()) {
            out.accept(path + "+extra", root -> ((ObjectNode) at(root, path)).put("extra", "x"));
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                String child = path + "/" + name;
                out.accept(child + " removed", root -> ((ObjectNode) at(root, path)).remove(name));
                collect(node.get(name), child, out);
            }
        } else if (node.isArray()) {
            out.accept(path + "+element", root -> ((ArrayNode) at(root, path)).add("https://example.org/extra"));
            out.accept(path + "-last", root -> ((ArrayNode) at(root, path)).remove(node.size() - 1));
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        } else if (node.isTextual()) {
            out.accept(path + " changed", root -> replace(root, path, node.textValue() + "x"));
            out.accept(path + " as number", root -> replace(root, path, null));
        }
    }

    private static JsonNode at(ObjectNode root, String path) {
        return path.isEmpty() ? root : root.at(path);
    }

    private static void replace(ObjectNode root, String path, String value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = at(root, path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent.isObject()) {
            if (value == null) {
                ((ObjectNode) parent).put(last, 42);
            } else {
                ((ObjectNode) parent).put(last, value);
            }
        } else if (value == null) {
            ((ArrayNode) parent).set(Integer.parseInt(last), 42);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }
}
