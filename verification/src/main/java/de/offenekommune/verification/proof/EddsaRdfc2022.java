package de.offenekommune.verification.proof;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;

/**
 * The {@code eddsa-rdfc-2022} cryptosuite (W3C vc-di-eddsa 1.0, section 3.2), verification only: the document and
 * proof configuration are expanded as JSON-LD (built-in contexts only) and canonicalised with RDFC-1.0 before
 * hashing. We sign with {@code eddsa-jcs-2022}; this suite lets us check documents others secured this way.
 */
public final class EddsaRdfc2022 implements Cryptosuite {
    public static final String NAME = "eddsa-rdfc-2022";

    private final RdfCanonicalizer canonicalizer;

    public EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean verify(ObjectNode secured, DataIntegrityProof proof, Ed25519.PublicKey key) {
        if (!NAME.equals(proof.cryptosuite())) {
            throw new IllegalArgumentException("not an " + NAME + " proof");
        }
        return key.verify(hashData(ProofInputs.forVerification(secured, proof)), proof.signature());
    }

    byte[] hashData(ProofInputs inputs) {
        return Sha256.hashData(canonicalNQuads(inputs.proofConfig()), canonicalNQuads(inputs.unsecuredDocument()));
    }

    byte[] canonicalNQuads(ObjectNode document) {
        return canonicalizer.canonicalNQuads(document).getBytes(StandardCharsets.UTF_8);
    }
}
