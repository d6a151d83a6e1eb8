package de.offenekommune.verification.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 and the hash concatenation both eddsa cryptosuites sign: hash(proof config) || hash(document). */
final class Sha256 {
    private Sha256() {
    }

    static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static byte[] hashData(byte[] canonicalProofConfig, byte[] canonicalDocument) {
        byte[] configHash = digest(canonicalProofConfig);
        byte[] documentHash = digest(canonicalDocument);
        byte[] both = new byte[configHash.length + documentHash.length];
        System.arraycopy(configHash, 0, both, 0, configHash.length);
        System.arraycopy(documentHash, 0, both, configHash.length, documentHash.length);
        return both;
    }
}
