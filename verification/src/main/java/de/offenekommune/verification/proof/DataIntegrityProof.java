package de.offenekommune.verification.proof;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.jcs.JsonFields;

/**
 * The {@code proof} member of a secured document, read and checked for shape (W3C Data Integrity 1.0, section 2.1).
 * {@code options} is the proof without its {@code proofValue}: the input to the cryptosuite's proof configuration.
 */
public record DataIntegrityProof(ObjectNode options, String cryptosuite, URI verificationMethod,
                                 Optional<Instant> created, Optional<Instant> expires, byte[] signature) {
    public static final String TYPE = "DataIntegrityProof";
    public static final String ASSERTION_METHOD = "assertionMethod";

    /**
     * @throws IllegalArgumentException if the document carries no single, well-formed {@code DataIntegrityProof}
     *         with proof purpose {@code assertionMethod} and a 64-byte signature
     */
    public static DataIntegrityProof of(JsonNode securedDocument) {
        JsonFields.object(securedDocument, "secured document");
        JsonNode proof = securedDocument.get("proof");
        if (proof == null) {
            throw new IllegalArgumentException("document has no proof");
        }
        if (proof.isArray()) {
            throw new IllegalArgumentException("proof sets and chains are not supported: expected one proof");
        }
        JsonFields.object(proof, "proof");
        if (!TYPE.equals(JsonFields.text(proof, "type"))) {
            throw new IllegalArgumentException("proof type must be " + TYPE);
        }
        if (!ASSERTION_METHOD.equals(JsonFields.text(proof, "proofPurpose"))) {
            throw new IllegalArgumentException("proofPurpose must be " + ASSERTION_METHOD);
        }
        String cryptosuite = JsonFields.text(proof, "cryptosuite");
        URI method = JsonFields.uri(proof, "verificationMethod");
        Optional<Instant> created = proof.has("created") ? Optional.of(JsonFields.dateTime(proof, "created"))
                : Optional.empty();
        Optional<Instant> expires = proof.has("expires") ? Optional.of(JsonFields.dateTime(proof, "expires"))
                : Optional.empty();
        byte[] signature = Multibase.decode(JsonFields.text(proof, "proofValue"));
        if (signature.length != 64) {
            throw new IllegalArgumentException("proofValue must hold a 64-byte Ed25519 signature");
        }
        ObjectNode options = ((ObjectNode) proof).deepCopy();
        options.remove("proofValue");
        return new DataIntegrityProof(options, cryptosuite, method, created, expires, signature.clone());
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
