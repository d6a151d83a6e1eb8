package de.offenekommune.federation.sig;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Produces and checks the body digests that signatures cover: {@code Digest: SHA-256=...} (the form
 * Mastodon sends with draft-cavage) and {@code Content-Digest: sha-256=:...:} (RFC 9530).
 */
public final class BodyDigest {
    private BodyDigest() {
    }

    /** The result of checking one digest field against a body. */
    public sealed interface Check {
        record Matches(String algorithm) implements Check {
        }

        record Missing() implements Check {
        }

        record Mismatch(String detail) implements Check {
        }

        record Unusable(String detail) implements Check {
        }
    }

    public static String digestHeader(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(DigestAlgorithm.SHA_256.digest(body));
    }

    public static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(DigestAlgorithm.SHA_256.digest(body)) + ":";
    }

    /** Checks the legacy {@code Digest} field (RFC 3230): every secure entry must match, at least one must exist. */
    public static Check checkDigest(HttpFields fields, byte[] body) {
        var value = fields.combined("digest");
        if (value.isEmpty()) {
            return new Check.Missing();
        }
        String matched = null;
        for (String entry : value.get().split(",")) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                return new Check.Unusable("malformed Digest entry");
            }
            String name = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            var algorithm = DigestAlgorithm.byKey(name);
            if (algorithm.isEmpty() || !algorithm.get().secure()) {
                continue;
            }
            byte[] expected;
            try {
                expected = Base64.getDecoder().decode(entry.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                return new Check.Unusable("Digest value is not base64");
            }
            if (!MessageDigest.isEqual(expected, algorithm.get().digest(body))) {
                return new Check.Mismatch("Digest " + name + " does not match the body");
            }
            matched = name;
        }
        return matched == null ? new Check.Unusable("Digest has no SHA-256 or SHA-512 entry") : new Check.Matches(matched);
    }

    /** Checks {@code Content-Digest} (RFC 9530): every secure entry must match, at least one must exist. */
    public static Check checkContentDigest(HttpFields fields, byte[] body) {
        var value = fields.combined("content-digest");
        if (value.isEmpty()) {
            return new Check.Missing();
        }
        Map<String, StructuredFields.Member> dictionary;
        try {
            dictionary = StructuredFields.parseDictionary(value.get());
        } catch (IllegalArgumentException e) {
            return new Check.Unusable("Content-Digest does not parse: " + e.getMessage());
        }
        String matched = null;
        for (var entry : dictionary.entrySet()) {
            var algorithm = DigestAlgorithm.byKey(entry.getKey());
            if (algorithm.isEmpty() || !algorithm.get().secure()) {
                continue;
            }
            if (!(entry.getValue().item() instanceof byte[] expected)) {
                return new Check.Unusable("Content-Digest value must be a byte sequence");
            }
            if (!MessageDigest.isEqual(expected, algorithm.get().digest(body))) {
                return new Check.Mismatch("Content-Digest " + entry.getKey() + " does not match the body");
            }
            matched = entry.getKey();
        }
        return matched == null ? new Check.Unusable("Content-Digest has no sha-256 or sha-512 entry") : new Check.Matches(matched);
    }
}
