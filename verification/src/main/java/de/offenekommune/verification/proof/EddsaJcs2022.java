package de.offenekommune.verification.proof;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.jcs.JsonCanonicalizer;
import de.offenekommune.verification.key.SigningKey;

/**
 * The {@code eddsa-jcs-2022} cryptosuite (W3C vc-di-eddsa 1.0, section 3.3): JCS canonicalisation, SHA-256,
 * Ed25519. No JSON-LD processing, so no context is ever loaded; this is the suite FEP-8b32 recommends.
 */
public final class EddsaJcs2022 implements Cryptosuite {
    public static final String NAME = "eddsa-jcs-2022";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Adds a proof (purpose {@code assertionMethod}) to a copy of the document. The proof carries the document's
     * {@code @context}, as the specification's test vectors and FEP-8b32 show.
     *
     * @param created truncated to whole seconds
     * @throws IllegalArgumentException if the document already has a proof or cannot be canonicalised
     */
    public ObjectNode sign(ObjectNode unsecured, SigningKey key, Instant created) {
        if (unsecured.has("proof")) {
            throw new IllegalArgumentException("document already carries a proof");
        }
        ObjectNode proof = JsonNodeFactory.instance.objectNode();
        proof.put("type", DataIntegrityProof.TYPE);
        proof.put("cryptosuite", NAME);
        proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        proof.put("verificationMethod", key.keyId().toString());
        proof.put("proofPurpose", DataIntegrityProof.ASSERTION_METHOD);
        if (unsecured.has("@context")) {
            proof.set("@context", unsecured.get("@context").deepCopy());
        }
        byte[] signature = key.sign(hashData(ProofInputs.forSigning(unsecured, proof)));
        proof.put("proofValue", Multibase.encode(signature));
        ObjectNode secured = unsecured.deepCopy();
        secured.set("proof", proof);
        return secured;
    }

    @Override
    public boolean verify(ObjectNode secured, DataIntegrityProof proof, Ed25519.PublicKey key) {
        if (!NAME.equals(proof.cryptosuite())) {
            throw new IllegalArgumentException("not an " + NAME + " proof");
        }
        return key.verify(hashData(ProofInputs.forVerification(secured, proof)), proof.signature());
    }

    static byte[] hashData(ProofInputs inputs) {
        return Sha256.hashData(JsonCanonicalizer.canonicalize(inputs.proofConfig()),
                JsonCanonicalizer.canonicalize(inputs.unsecuredDocument()));
    }
}
