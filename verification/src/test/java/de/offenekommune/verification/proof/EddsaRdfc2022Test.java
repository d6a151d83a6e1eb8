package de.offenekommune.verification.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import de.offenekommune.verification.testing.Vectors;

class EddsaRdfc2022Test {
    private static final RdfCanonicalizer CANONICALIZER = new RdfCanonicalizer(new BuiltInContexts());
    private final EddsaRdfc2022 suite = new EddsaRdfc2022(CANONICALIZER);

    /** "" is the main vector (B.1), "employ/" the enhanced one (B.2). */
    @ParameterizedTest
    @ValueSource(strings = {"", "employ/"})
    void canonicalFormsAndHashesMatchTheVectors(String dir) {
        String base = "eddsa-rdfc-2022/" + dir;
        ObjectNode signed = Vectors.vcJson(base + "signedDataInt.json");
        ObjectNode unsigned = signed.deepCopy();
        unsigned.remove("proof");
        ObjectNode proofConfig = Vectors.vcJson(base + "proofConfigDataInt.json");

        assertEquals(Vectors.vcText(base + "canonDocDataInt.txt"), CANONICALIZER.canonicalNQuads(unsigned));
        assertEquals(Vectors.vcText(base + "proofCanonDataInt.txt"), CANONICALIZER.canonicalNQuads(proofConfig));
        assertEquals(Vectors.vcText(base + "combinedHashDataInt.txt").strip(),
                HexFormat.of().formatHex(suite.hashData(ProofInputs.forSigning(unsigned, proofConfig))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "employ/"})
    void theSignedVectorsVerifyAndTamperedOnesDoNot(String dir) {
        ObjectNode signed = Vectors.vcJson("eddsa-rdfc-2022/" + dir + "signedDataInt.json");
        ObjectNode tampered = signed.deepCopy();
        tampered.put("name", "Forged");

        assertTrue(suite.verify(signed, DataIntegrityProof.of(signed), Vectors.vectorPublicKey()));
        assertFalse(suite.verify(tampered, DataIntegrityProof.of(tampered), Vectors.vectorPublicKey()));
    }

    @Test
    void unknownContextsAreNeverFetched() {
        ObjectNode signed = Vectors.vcJson("eddsa-rdfc-2022/signedDataInt.json");
        signed.withArray("@context").set(1, "http://127.0.0.1:9/never-fetched/v1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> suite.verify(signed, DataIntegrityProof.of(signed), Vectors.vectorPublicKey()));
        assertTrue(causes(e).contains("remote contexts are never fetched"), causes(e));
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" / ");
        }
        return messages.toString();
    }
}
