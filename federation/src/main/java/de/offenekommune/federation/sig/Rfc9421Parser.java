package de.offenekommune.federation.sig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Takes apart {@code Signature-Input} / {@code Signature} (RFC 9421) and applies the policy's pre-checks. */
final class Rfc9421Parser {
    private final SignaturePolicy policy;

    Rfc9421Parser(SignaturePolicy policy) {
        this.policy = policy;
    }

    ParsedSignature.Outcome parse(HttpMessage message) {
        Map<String, StructuredFields.Member> inputs;
        Map<String, StructuredFields.Member> signatures;
        try {
            inputs = StructuredFields.parseDictionary(message.fields().combined("signature-input").orElse(""));
            signatures = StructuredFields.parseDictionary(message.fields().combined("signature").orElse(""));
        } catch (IllegalArgumentException e) {
            return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, e.getMessage());
        }
        for (var entry : inputs.entrySet()) {
            StructuredFields.Member signature = signatures.get(entry.getKey());
            if (entry.getValue().isInnerList() && signature != null && signature.item() instanceof byte[] bytes) {
                return parseOne(message, entry.getValue(), bytes);
            }
        }
        return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, "no label in Signature-Input has a matching Signature");
    }

    private ParsedSignature.Outcome parseOne(HttpMessage message, StructuredFields.Member input, byte[] signature) {
        Map<String, Object> params = input.params();
        if (!(params.get("keyid") instanceof String keyId)) {
            return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, "keyid parameter missing");
        }
        SignatureAlgorithm algorithm = null;
        if (params.containsKey("alg")) {
            if (!(params.get("alg") instanceof String name)) {
                return ParsedSignature.Refused.of(SignatureFailure.MALFORMED, "alg must be a string");
            }
            algorithm = SignatureAlgorithm.byRfc9421Name(name).orElse(null);
            if (algorithm == null || !policy.rfc9421Algorithms().contains(algorithm)) {
                return ParsedSignature.Refused.of(SignatureFailure.ALGORITHM_NOT_ALLOWED, name);
            }
        }
        List<String> covered = new ArrayList<>();
        for (StructuredFields.Item item : input.innerList()) {
            if (item.value() instanceof String name) {
                covered.add(name);
            }
        }
        var refused = checkCoverage(message, covered);
        if (refused == null) {
            refused = checkTime(params);
        }
        if (refused == null) {
            refused = CoveredDigest.check(message, covered, policy.requireCoverage());
        }
        if (refused != null) {
            return refused;
        }
        try {
            byte[] base = Rfc9421SignatureBase.build(message, input.innerList(), params);
            return new ParsedSignature.Parsed(new ParsedSignature(SignatureScheme.RFC9421, keyId, algorithm, base, signature));
        } catch (IllegalArgumentException e) {
            return ParsedSignature.Refused.of(SignatureFailure.COMPONENT_NOT_COVERED, e.getMessage());
        }
    }

    private ParsedSignature.Refused checkCoverage(HttpMessage message, List<String> covered) {
        if (!policy.requireCoverage() || !message.isRequest()) {
            return null;
        }
        boolean target = covered.contains("@target-uri")
                || covered.contains("@authority") && (covered.contains("@path") || covered.contains("@request-target"));
        if (!covered.contains("@method") || !target) {
            return ParsedSignature.Refused.of(SignatureFailure.COMPONENT_NOT_COVERED,
                    "@method and @target-uri (or @authority and @path) must be signed");
        }
        return null;
    }

    private ParsedSignature.Refused checkTime(Map<String, Object> params) {
        Instant now = policy.clock().instant();
        if (!(params.get("created") instanceof Long created)) {
            return policy.requireCoverage() ? ParsedSignature.Refused.of(SignatureFailure.DATE_MISSING, "created parameter missing") : null;
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(created), now).abs();
        if (skew.compareTo(policy.maxSkew()) > 0) {
            return ParsedSignature.Refused.of(SignatureFailure.OUTSIDE_TIME_WINDOW, "created is " + skew.toMinutes() + " min away");
        }
        if (params.get("expires") instanceof Long expires && Instant.ofEpochSecond(expires).isBefore(now)) {
            return ParsedSignature.Refused.of(SignatureFailure.EXPIRED, "expired at " + Instant.ofEpochSecond(expires));
        }
        return null;
    }
}
