package de.offenekommune.federation.key;

import java.util.Arrays;

/**
 * Multikey encoding of public keys (FEP-521a, W3C Controlled Identifiers): {@code publicKeyMultibase}
 * is {@code z} + base58btc(multicodec prefix + raw key). Only Ed25519 ({@code 0xed 0x01}) is produced;
 * RSA keys are published as {@code publicKey} PEM instead.
 */
public final class Multikey {
    private static final byte[] ED25519_PUB_PREFIX = {(byte) 0xed, 0x01};
    private static final byte[] ED25519_PRIV_PREFIX = {(byte) 0x80, 0x26};

    private Multikey() {
    }

    public static String encodeEd25519PublicKey(byte[] rawPublicKey) {
        return "z" + Base58.encode(concat(ED25519_PUB_PREFIX, requireLength(rawPublicKey)));
    }

    /** The multibase form of a private key, as the vc-di-eddsa test vectors print it. */
    public static String encodeEd25519SecretKey(byte[] rawPrivateKey) {
        return "z" + Base58.encode(concat(ED25519_PRIV_PREFIX, requireLength(rawPrivateKey)));
    }

    /** @throws IllegalArgumentException if the value is not an Ed25519 Multikey */
    public static byte[] decodeEd25519PublicKey(String multibase) {
        return decode(multibase, ED25519_PUB_PREFIX);
    }

    public static byte[] decodeEd25519SecretKey(String multibase) {
        return decode(multibase, ED25519_PRIV_PREFIX);
    }

    private static byte[] decode(String multibase, byte[] prefix) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("multibase value must start with 'z' (base58btc)");
        }
        byte[] bytes = Base58.decode(multibase.substring(1));
        if (bytes.length != prefix.length + 32 || bytes[0] != prefix[0] || bytes[1] != prefix[1]) {
            throw new IllegalArgumentException("not an Ed25519 multikey");
        }
        return Arrays.copyOfRange(bytes, prefix.length, bytes.length);
    }

    private static byte[] requireLength(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("Ed25519 keys are 32 bytes, got " + raw.length);
        }
        return raw;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
