package de.offenekommune.verification.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two documents a Data Integrity cryptosuite hashes: the unsecured document and the proof configuration.
 * Both eddsa cryptosuites derive them the same way (vc-di-eddsa 3.2.2 / 3.3.2 Verify Proof, steps 1-4, and the
 * proof configuration algorithms 3.2.5 / 3.3.5).
 */
record ProofInputs(ObjectNode unsecuredDocument, ObjectNode proofConfig) {

    /** For signing: the proof configuration takes the document's {@code @context}. */
    static ProofInputs forSigning(ObjectNode unsecured, ObjectNode proofOptions) {
        ObjectNode config = proofOptions.deepCopy();
        if (unsecured.has("@context")) {
            config.set("@context", unsecured.get("@context").deepCopy());
        }
        return new ProofInputs(unsecured, config);
    }

    /**
     * For verifying: drop the proof; if the proof names a {@code @context}, the document's must start with it, and
     * that prefix is what was signed (a relay may have appended contexts).
     *
     * @throws IllegalArgumentException if the proof's context is not a prefix of the document's
     */
    static ProofInputs forVerification(ObjectNode secured, DataIntegrityProof proof) {
        ObjectNode unsecured = secured.deepCopy();
        unsecured.remove("proof");
        JsonNode proofContext = proof.options().get("@context");
        if (proofContext != null) {
            JsonNode documentContext = unsecured.get("@context");
            if (documentContext == null || !startsWith(asArray(documentContext), asArray(proofContext))) {
                throw new IllegalArgumentException("the document's @context does not start with the proof's @context");
            }
            unsecured.set("@context", proofContext.deepCopy());
        }
        return forSigning(unsecured, proof.options());
    }

    private static ArrayNode asArray(JsonNode context) {
        if (context.isArray()) {
            return (ArrayNode) context;
        }
        return JsonNodeFactory.instance.arrayNode().add(context);
    }

    private static boolean startsWith(ArrayNode document, ArrayNode prefix) {
        if (prefix.size() > document.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equals(document.get(i))) {
                return false;
            }
        }
        return true;
    }
}
