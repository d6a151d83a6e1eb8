package de.offenekommune.federation.sig;

import java.util.Base64;

/**
 * A request body with its SHA-256 digest fields ({@code Digest} and {@code Content-Digest}), hashed
 * once: a fan-out signs the same activity body for every inbox, and each signature covers the digest.
 */
public final class SignedBody {
    private static final SignedBody EMPTY = new SignedBody(new byte[0]);

    private final byte[] bytes;
    private volatile String sha256;

    private SignedBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps the bytes without copying them: the caller must not change them afterwards. */
    public static SignedBody of(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : new SignedBody(bytes);
    }

    public byte[] bytes() {
        return bytes;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** {@code SHA-256=<base64>}, the legacy {@code Digest} field draft-cavage signatures cover. */
    public String digestHeader() {
        return "SHA-256=" + sha256();
    }

    /** {@code sha-256=:<base64>:}, the RFC 9530 {@code Content-Digest} field RFC 9421 signatures cover. */
    public String contentDigestHeader() {
        return "sha-256=:" + sha256() + ":";
    }

    private String sha256() {
        String value = sha256;
        if (value == null) {
            // Two threads may both compute it the first time; the result is the same.
            value = Base64.getEncoder().encodeToString(DigestAlgorithm.SHA_256.digest(bytes));
            sha256 = value;
        }
        return value;
    }
}
