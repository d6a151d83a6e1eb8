package de.offenekommune.federation.sig;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HTTP signature algorithms this library knows, by their RFC 9421 registry names. Which of them
 * are accepted from the network is decided by {@link SignaturePolicy}, not here.
 */
public enum SignatureAlgorithm {
    RSA_V1_5_SHA256("rsa-v1_5-sha256"),
    /** Only reachable through draft-cavage {@code rsa-sha512}; not in the RFC 9421 registry. */
    RSA_V1_5_SHA512("rsa-v1_5-sha512"),
    RSA_PSS_SHA512("rsa-pss-sha512"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256"),
    ED25519("ed25519"),
    HMAC_SHA256("hmac-sha256");

    private final String rfc9421Name;

    SignatureAlgorithm(String rfc9421Name) {
        this.rfc9421Name = rfc9421Name;
    }

    public String rfc9421Name() {
        return rfc9421Name;
    }

    public static Optional<SignatureAlgorithm> byRfc9421Name(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.rfc9421Name.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The algorithm a key implies when the signature does not name one (RSA means PKCS#1 v1.5, as Mastodon). */
    public static SignatureAlgorithm impliedBy(KeyMaterial key) {
        return switch (key) {
            case KeyMaterial.Rsa r -> RSA_V1_5_SHA256;
            case KeyMaterial.Ed e -> ED25519;
            case KeyMaterial.Ec e -> ECDSA_P256_SHA256;
            case KeyMaterial.Secret s -> HMAC_SHA256;
        };
    }

    public static SignatureAlgorithm impliedBy(SigningKey key) {
        return switch (key) {
            case SigningKey.Rsa r -> RSA_V1_5_SHA256;
            case SigningKey.Ed e -> ED25519;
            case SigningKey.Hmac h -> HMAC_SHA256;
        };
    }

    /** False when the key does not fit this algorithm or the signature does not verify. */
    public boolean verify(KeyMaterial key, byte[] data, byte[] signature) {
        try {
            return switch (this) {
                case RSA_V1_5_SHA256 -> key instanceof KeyMaterial.Rsa r && jca("SHA256withRSA", r.key(), data, signature);
                case RSA_V1_5_SHA512 -> key instanceof KeyMaterial.Rsa r && jca("SHA512withRSA", r.key(), data, signature);
                case RSA_PSS_SHA512 -> key instanceof KeyMaterial.Rsa r && pss(r, data, signature);
                case ECDSA_P256_SHA256 -> key instanceof KeyMaterial.Ec e
                        && jca("SHA256withECDSAinP1363Format", e.key(), data, signature);
                case ED25519 -> key instanceof KeyMaterial.Ed e && e.key().verify(data, signature);
                case HMAC_SHA256 -> key instanceof KeyMaterial.Secret s
                        && MessageDigest.isEqual(hmac(s.secret(), data), signature);
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] sign(SigningKey key, byte[] data) {
        try {
            return switch (key) {
                case SigningKey.Rsa r when this == RSA_V1_5_SHA256 -> {
                    Signature s = Signature.getInstance("SHA256withRSA");
                    s.initSign(r.key());
                    s.update(data);
                    yield s.sign();
                }
                case SigningKey.Rsa r when this == RSA_PSS_SHA512 -> {
                    Signature s = Signature.getInstance("RSASSA-PSS");
                    s.setParameter(pssParameters());
                    s.initSign(r.key());
                    s.update(data);
                    yield s.sign();
                }
                case SigningKey.Ed e when this == ED25519 -> e.key().sign(data);
                case SigningKey.Hmac h when this == HMAC_SHA256 -> hmac(h.secret(), data);
                default -> throw new IllegalArgumentException(rfc9421Name + " cannot sign with " + key.getClass().getSimpleName());
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    private static boolean jca(String name, java.security.PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(name);
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    private static boolean pss(KeyMaterial.Rsa key, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(pssParameters());
        s.initVerify(key.key());
        s.update(data);
        return s.verify(signature);
    }

    private static PSSParameterSpec pssParameters() {
        return new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1);
    }

    private static byte[] hmac(byte[] secret, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
