package de.offenekommune.federation.key;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 through BouncyCastle's lightweight API: the JDK provider is about ten times slower here,
 * and RFC 9421 signatures and Data Integrity proofs sit on hot paths.
 */
public final class Ed25519 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519() {
    }

    public record PrivateKey(Ed25519PrivateKeyParameters params) {
        public byte[] raw() {
            return params.getEncoded();
        }

        public PublicKey publicKey() {
            return new PublicKey(params.generatePublicKey());
        }

        public byte[] sign(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, params);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }
    }

    public record PublicKey(Ed25519PublicKeyParameters params) {
        public byte[] raw() {
            return params.getEncoded();
        }

        public String multibase() {
            return Multikey.encodeEd25519PublicKey(raw());
        }

        public boolean verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != 64) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, params);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PublicKey other && Arrays.equals(raw(), other.raw());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(raw());
        }
    }

    public static PrivateKey generate() {
        return new PrivateKey(new Ed25519PrivateKeyParameters(RANDOM));
    }

    public static PrivateKey privateKey(byte[] raw32) {
        return new PrivateKey(new Ed25519PrivateKeyParameters(raw32, 0));
    }

    public static PublicKey publicKey(byte[] raw32) {
        return new PublicKey(new Ed25519PublicKeyParameters(raw32, 0));
    }

    public static PublicKey fromMultibase(String multibase) {
        return publicKey(Multikey.decodeEd25519PublicKey(multibase));
    }

    /** Parses an SPKI PEM ("PUBLIC KEY") holding an Ed25519 key. */
    public static PublicKey fromPem(String pem) {
        byte[] der = Pem.decode(pem, "PUBLIC KEY");
        // SPKI for Ed25519 is a fixed 12-byte header (OID 1.3.101.112) followed by the 32-byte key.
        if (der.length != 44 || der[6] != 0x2b || der[7] != 0x65 || der[8] != 0x70) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
        return publicKey(Arrays.copyOfRange(der, 12, 44));
    }

    /** Parses a PKCS#8 PEM ("PRIVATE KEY") holding an Ed25519 key. */
    public static PrivateKey fromPrivatePem(String pem) {
        byte[] der = Pem.decode(pem, "PRIVATE KEY");
        if (der.length < 48 || der[9] != 0x2b || der[10] != 0x65 || der[11] != 0x70) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 key");
        }
        return privateKey(Arrays.copyOfRange(der, 16, 48));
    }
}
