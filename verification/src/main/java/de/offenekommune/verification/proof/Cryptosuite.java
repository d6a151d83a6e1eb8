package de.offenekommune.verification.proof;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;

/** A Data Integrity cryptosuite that can check a proof once the verification method's key is known. */
public interface Cryptosuite {
    String name();

    /**
     * @return whether the signature in {@code proof} is valid for {@code secured} under {@code key}
     * @throws IllegalArgumentException if the document cannot be transformed (context mismatch, JSON that cannot be
     *         canonicalised, JSON-LD that cannot be expanded offline)
     */
    boolean verify(ObjectNode secured, DataIntegrityProof proof, Ed25519.PublicKey key);
}
