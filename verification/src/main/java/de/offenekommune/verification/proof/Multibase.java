package de.offenekommune.verification.proof;

import de.offenekommune.federation.key.Base58;

/** Multibase base58btc ({@code z} prefix), the encoding of Data Integrity {@code proofValue}s. */
public final class Multibase {
    private Multibase() {
    }

    public static String encode(byte[] bytes) {
        return "z" + Base58.encode(bytes);
    }

    /** @throws IllegalArgumentException if the value is not base58btc multibase */
    public static byte[] decode(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != 'z') {
            throw new IllegalArgumentException("proofValue must be base58btc multibase (starting with 'z')");
        }
        return Base58.decode(value.substring(1));
    }
}
