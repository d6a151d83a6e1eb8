package de.offenekommune.verification.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.jcs.JsonCanonicalizer;
import de.offenekommune.verification.testing.Vectors;

class EddsaJcs2022Test {
    private static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");
    private final EddsaJcs2022 suite = new EddsaJcs2022();

    @Test
    void signingTheVectorDocumentReproducesTheSignedVectorExactly() {
        ObjectNode signed = suite.sign(Vectors.vcJson("unsigned.json"), Vectors.didKeySigningKey(), CREATED);

        assertEquals(Vectors.vcJson("eddsa-jcs-2022/signedJCS.json"), signed);
        assertEquals(Vectors.vcText("eddsa-jcs-2022/sigBTC58JCS.txt").strip(),
                signed.get("proof").get("proofValue").textValue());
    }

    @Test
    void intermediateValuesMatchTheVectors() {
        ObjectNode unsigned = Vectors.vcJson("unsigned.json");
        ObjectNode proofConfig = Vectors.vcJson("eddsa-jcs-2022/proofConfigJCS.json");

        assertEquals(Vectors.vcText("eddsa-jcs-2022/canonDocJCS.txt"), JsonCanonicalizer.canonicalString(unsigned));
        assertEquals(Vectors.vcText("eddsa-jcs-2022/proofCanonJCS.txt"), JsonCanonicalizer.canonicalString(proofConfig));
        byte[] hashData = EddsaJcs2022.hashData(ProofInputs.forSigning(unsigned, proofConfig));
        assertEquals(Vectors.vcText("eddsa-jcs-2022/combinedHashJCS.txt").strip(), HexFormat.of().formatHex(hashData));
        assertEquals(Vectors.vcText("eddsa-jcs-2022/sigHexJCS.txt").strip(),
                HexFormat.of().formatHex(Vectors.vectorPrivateKey().sign(hashData)));
    }

    @Test
    void theSignedVectorVerifies() {
        ObjectNode signed = Vectors.vcJson("eddsa-jcs-2022/signedJCS.json");

        assertTrue(suite.verify(signed, DataIntegrityProof.of(signed), Vectors.vectorPublicKey()));
    }

    @Test
    void aChangedDocumentOrAnotherKeyFails() {
        ObjectNode signed = Vectors.vcJson("eddsa-jcs-2022/signedJCS.json");
        ObjectNode tampered = signed.deepCopy();
        ((ObjectNode) tampered.get("credentialSubject")).put("alumniOf", "The School of Forgeries");

        assertFalse(suite.verify(tampered, DataIntegrityProof.of(tampered), Vectors.vectorPublicKey()));
        assertFalse(suite.verify(signed, DataIntegrityProof.of(signed), Ed25519.generate().publicKey()));
    }

    @Test
    void appendedContextsKeepTheProofValidButAChangedPrefixDoesNot() {
        ObjectNode signed = Vectors.vcJson("eddsa-jcs-2022/signedJCS.json");
        ObjectNode appended = signed.deepCopy();
        appended.withArray("@context").add("https://example.org/extra/v1");
        ObjectNode changed = signed.deepCopy();
        changed.withArray("@context").set(1, "https://example.org/other/v1");

        assertTrue(suite.verify(appended, DataIntegrityProof.of(appended), Vectors.vectorPublicKey()));
        assertThrows(IllegalArgumentException.class,
                () -> suite.verify(changed, DataIntegrityProof.of(changed), Vectors.vectorPublicKey()));
    }

    @Test
    void aDocumentThatAlreadyHasAProofIsNotSignedAgain() {
        ObjectNode signed = Vectors.vcJson("eddsa-jcs-2022/signedJCS.json");

        assertThrows(IllegalArgumentException.class, () -> suite.sign(signed, Vectors.didKeySigningKey(), CREATED));
    }

    @Test
    void canonicalBytesAreUtf8() {
        ObjectNode doc = Vectors.vcJson("unsigned.json");
        assertEquals(Vectors.vcText("eddsa-jcs-2022/canonDocJCS.txt"),
                new String(JsonCanonicalizer.canonicalize(doc), StandardCharsets.UTF_8));
    }
}
