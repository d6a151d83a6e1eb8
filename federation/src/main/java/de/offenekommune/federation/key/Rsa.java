package de.offenekommune.federation.key;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** RSA keys for draft-cavage signatures (Mastodon): generation and PEM in both SPKI and PKCS#1 forms. */
public final class Rsa {
    private Rsa() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    public static String publicPem(RSAPublicKey key) {
        return Pem.encode(key.getEncoded(), "PUBLIC KEY");
    }

    public static String privatePem(RSAPrivateCrtKey key) {
        return Pem.encode(key.getEncoded(), "PRIVATE KEY");
    }

    /** Accepts SPKI ({@code PUBLIC KEY}) and PKCS#1 ({@code RSA PUBLIC KEY}) PEM. */
    public static RSAPublicKey parsePublic(String pem) {
        try {
            String type = Pem.type(pem);
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if ("RSA PUBLIC KEY".equals(type)) {
                DerReader seq = DerReader.sequence(Pem.decode(pem, type));
                BigInteger n = seq.nextInteger();
                BigInteger e = seq.nextInteger();
                return (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(n, e));
            }
            return (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(Pem.decode(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** Accepts PKCS#8 ({@code PRIVATE KEY}) and PKCS#1 ({@code RSA PRIVATE KEY}) PEM. */
    public static RSAPrivateCrtKey parsePrivate(String pem) {
        try {
            String type = Pem.type(pem);
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if ("RSA PRIVATE KEY".equals(type)) {
                DerReader seq = DerReader.sequence(Pem.decode(pem, type));
                seq.nextInteger(); // version
                RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(seq.nextInteger(), seq.nextInteger(),
                        seq.nextInteger(), seq.nextInteger(), seq.nextInteger(), seq.nextInteger(),
                        seq.nextInteger(), seq.nextInteger());
                return (RSAPrivateCrtKey) factory.generatePrivate(spec);
            }
            return (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an RSA private key: " + e.getMessage(), e);
        }
    }

    public static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
