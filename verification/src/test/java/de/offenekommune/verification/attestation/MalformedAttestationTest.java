package de.offenekommune.verification.attestation;

import static de.offenekommune.verification.attestation.AttestationFixture.STADTWERKE;
import static de.offenekommune.verification.attestation.AttestationVerifierTest.assertInvalid;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input of every kind gives MALFORMED with a message; nothing throws. */
class MalformedAttestationTest {
    private static final AttestationFixture FIXTURE = new AttestationFixture();
    private static final ObjectNode SIGNED = FIXTURE.issue(FIXTURE.townKey, AttestationFixture.stadtwerke());

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{", "[]", "null", "42", "\"text\"", "{}", "{\"proof\":{}}",
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://offenekommune.de/ns/v1\"]}"})
    void textThatIsNotAnAttestation(String text) {
        assertInvalid(InvalidReason.MALFORMED, FIXTURE.verifier().verify(text, STADTWERKE));
    }

    @Test
    void nullInputs() {
        assertInvalid(InvalidReason.MALFORMED, FIXTURE.verifier().verify((String) null, STADTWERKE));
        assertInvalid(InvalidReason.MALFORMED, FIXTURE.verifier().verify((JsonNode) null, STADTWERKE));
    }

    @Test
    void duplicateMembersAreRefusedRatherThanGuessed() {
        String text = SIGNED.toString();
        String duplicated = text.replaceFirst("\"issuer\":", "\"issuer\":\"https://evil.example/actor\",\"issuer\":");

        assertInvalid(InvalidReason.MALFORMED, FIXTURE.verifier().verify(duplicated, STADTWERKE));
    }

    @Test
    void oversizeDocumentsAreNotProcessed() {
        ObjectNode big = SIGNED.deepCopy();
        big.put("padding", "x".repeat(AttestationVerifier.MAX_BYTES));

        assertInvalid(InvalidReason.MALFORMED, FIXTURE.verifier().verify(big.toString(), STADTWERKE));
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("/issuer", JsonNodeFactory.instance.numberNode(7)),
                Arguments.of("/issuer", JsonNodeFactory.instance.objectNode().put("id", "https://musterstadt.example/actor")),
                Arguments.of("/credentialSubject", JsonNodeFactory.instance.textNode(STADTWERKE.toString())),
                Arguments.of("/credentialSubject/category", JsonNodeFactory.instance.textNode("church")),
                Arguments.of("/credentialSubject/domain", JsonNodeFactory.instance.textNode("Not A Domain")),
                Arguments.of("/credentialSubject/legalName", JsonNodeFactory.instance.textNode(" ")),
                Arguments.of("/credentialSubject/ags", JsonNodeFactory.instance.textNode("05315000")),
                Arguments.of("/validFrom", JsonNodeFactory.instance.textNode("2026-01-01")),
                Arguments.of("/validUntil", JsonNodeFactory.instance.textNode("2025-01-01T00:00:00Z")),
                Arguments.of("/validUntil", JsonNodeFactory.instance.booleanNode(true)),
                Arguments.of("/id", JsonNodeFactory.instance.textNode("https://elsewhere.example/attestations/1")),
                Arguments.of("/id", JsonNodeFactory.instance.textNode("relative/1")),
                Arguments.of("/revocationList", JsonNodeFactory.instance.textNode("https://evil.example/list")),
                Arguments.of("/proof", JsonNodeFactory.instance.arrayNode()),
                Arguments.of("/proof/proofValue", JsonNodeFactory.instance.textNode("not-base58-0OIl")),
                Arguments.of("/proof/proofValue", JsonNodeFactory.instance.textNode("m" + "A".repeat(86))),
                Arguments.of("/proof/created", JsonNodeFactory.instance.numberNode(1700000000)),
                Arguments.of("/proof/cryptosuite", JsonNodeFactory.instance.textNode("eddsa-rdfc-2022")),
                Arguments.of("/type", JsonNodeFactory.instance.textNode("OrganisationAttestation")));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void wrongTypesAndValuesAreMalformed(String pointer, JsonNode value) {
        ObjectNode bad = SIGNED.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) (slash == 0 ? bad : bad.at(pointer.substring(0, slash)));
        parent.set(pointer.substring(slash + 1), value);

        assertInvalid(InvalidReason.MALFORMED, FIXTURE.verifier().verify(bad, STADTWERKE));
    }
}
