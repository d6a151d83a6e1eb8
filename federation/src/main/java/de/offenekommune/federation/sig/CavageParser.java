package de.offenekommune.federation.sig;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Takes apart a draft-cavage-12 signature and applies the policy's pre-checks. */
final class CavageParser {
    private static final int MAX_REMEMBERED_DATES = 256;

    private final SignaturePolicy policy;
    /**
     * Date header values already parsed: senders stamp them to the second, so at a few thousand
     * posts a second most repeat, and RFC 1123 parsing is a tenth of an inbox post's own work.
     */
    private final Map<String, Instant> parsedDates = new ConcurrentHashMap<>();

    CavageParser(SignaturePolicy policy) {
        this.policy = policy;
    }

    ParsedSignature.Outcome parse(HttpMessage message) {
        CavageSignatureHeader header;
        try {
            var found = CavageSignatureHeader.from(message.fields());
            if (found.isEmpty()) {
                return ParsedSignature.Refused.of(SignatureFailure.NO_SIGNATURE, "no Signature header");
            }
            header = found.get();
        } catch (IllegalArgumentException e) {
            return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, e.getMessage());
        }
        String algorithmName = header.algorithm() == null ? null : header.algorithm().toLowerCase(Locale.ROOT);
        if (algorithmName != null && !policy.cavageAlgorithms().contains(algorithmName)) {
            return ParsedSignature.Refused.of(SignatureFailure.ALGORITHM_NOT_ALLOWED, header.algorithm());
        }
        var refused = checkCoverage(message, header.headers());
        if (refused == null) {
            refused = checkTime(message, header);
        }
        if (refused == null) {
            refused = CoveredDigest.check(message, header.headers(), policy.requireCoverage());
        }
        if (refused != null) {
            return refused;
        }
        try {
            byte[] input = CavageSigningString.build(message, header.headers(), header.created(), header.expires());
            byte[] signature = Base64.getDecoder().decode(header.signature());
            return new ParsedSignature.Parsed(new ParsedSignature(SignatureScheme.CAVAGE, header.keyId(),
                    algorithm(algorithmName), input, signature));
        } catch (IllegalArgumentException e) {
            return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, e.getMessage());
        }
    }

    private void remember(String date, Instant when) {
        if (parsedDates.size() >= MAX_REMEMBERED_DATES) {
            parsedDates.clear();
        }
        parsedDates.put(date, when);
    }

    /** hs2019 and a missing algorithm leave the choice to the key type, as Mastodon does. */
    private static SignatureAlgorithm algorithm(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "rsa-sha256" -> SignatureAlgorithm.RSA_V1_5_SHA256;
            case "rsa-sha512" -> SignatureAlgorithm.RSA_V1_5_SHA512;
            case "ed25519" -> SignatureAlgorithm.ED25519;
            default -> null;
        };
    }

    private ParsedSignature.Refused checkCoverage(HttpMessage message, List<String> headers) {
        if (!policy.requireCoverage() || !message.isRequest()) {
            return null;
        }
        if (!headers.contains("(request-target)") || !headers.contains("host")) {
            return ParsedSignature.Refused.of(SignatureFailure.COMPONENT_NOT_COVERED,
                    "(request-target) and host must be signed, signed were: " + String.join(" ", headers));
        }
        if (!headers.contains("date") && !headers.contains("(created)")) {
            return ParsedSignature.Refused.of(SignatureFailure.DATE_MISSING, "date or (created) must be signed");
        }
        return null;
    }

    private ParsedSignature.Refused checkTime(HttpMessage message, CavageSignatureHeader header) {
        Instant now = policy.clock().instant();
        if (header.headers().contains("date")) {
            String date = message.fields().first("date").orElse(null);
            if (date == null) {
                return ParsedSignature.Refused.of(SignatureFailure.DATE_MISSING, "Date header missing");
            }
            Instant when = parsedDates.get(date);
            if (when == null) {
                try {
                    when = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, "Date does not parse");
                }
                remember(date, when);
            }
            var refused = window(when, now, "Date");
            if (refused != null) {
                return refused;
            }
        }
        if (header.created() != null) {
            var refused = window(Instant.ofEpochSecond(header.created()), now, "created");
            if (refused != null) {
                return refused;
            }
        }
        if (header.expires() != null && Instant.ofEpochSecond(header.expires()).isBefore(now)) {
            return ParsedSignature.Refused.of(SignatureFailure.EXPIRED, "expired at " + Instant.ofEpochSecond(header.expires()));
        }
        return null;
    }

    private ParsedSignature.Refused window(Instant when, Instant now, String what) {
        Duration skew = Duration.between(when, now).abs();
        if (skew.compareTo(policy.maxSkew()) > 0) {
            return ParsedSignature.Refused.of(SignatureFailure.OUTSIDE_TIME_WINDOW, what + " is " + skew.toMinutes() + " min away");
        }
        return null;
    }
}
