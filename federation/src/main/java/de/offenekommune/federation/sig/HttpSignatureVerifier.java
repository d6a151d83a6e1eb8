package de.offenekommune.federation.sig;

import java.time.Duration;
import java.time.Instant;

/**
 * Verifies either signature generation on an incoming request: parse and pre-check (coverage, time,
 * digest), look up the key, verify. When a cached key fails, the owner is refetched once, because
 * the actor may have rotated its key since we cached it.
 */
public final class HttpSignatureVerifier {
    /** A key fetched more recently than this is not refetched after a failure: nothing could have changed. */
    private static final Duration REFETCH_AFTER = Duration.ofMinutes(1);

    private final KeyResolver keys;
    private final SignaturePolicy policy;
    private final Rfc9421Parser rfc9421;
    private final CavageParser cavage;

    public HttpSignatureVerifier(KeyResolver keys, SignaturePolicy policy) {
        this.keys = keys;
        this.policy = policy;
        this.rfc9421 = new Rfc9421Parser(policy);
        this.cavage = new CavageParser(policy);
    }

    /** Whether the request carries a signature of either generation at all (verified or not). */
    public static boolean isSigned(HttpMessage message) {
        return message.fields().contains("signature-input") || message.fields().contains("signature")
                || message.fields().contains("authorization");
    }

    public SignatureCheck verify(HttpMessage message) {
        if (!isSigned(message)) {
            return SignatureCheck.Rejected.of(SignatureFailure.NO_SIGNATURE);
        }
        ParsedSignature.Outcome outcome = message.fields().contains("signature-input") ? rfc9421.parse(message)
                : cavage.parse(message);
        return switch (outcome) {
            case ParsedSignature.Refused refused -> refused.rejection();
            case ParsedSignature.Parsed parsed -> verifyWithKey(parsed.signature());
        };
    }

    private SignatureCheck verifyWithKey(ParsedSignature signature) {
        KeyResolution resolution = keys.resolve(signature.keyId(), false);
        if (resolution instanceof KeyResolution.Failed failed) {
            return new SignatureCheck.Rejected(failed.failure(), failed.detail());
        }
        VerificationKey key = ((KeyResolution.Found) resolution).key();
        SignatureCheck check = check(signature, key);
        boolean stale = key.fetchedAt().isBefore(policy.clock().instant().minus(REFETCH_AFTER));
        if (check instanceof SignatureCheck.Rejected r && r.failure() == SignatureFailure.INVALID_SIGNATURE && stale) {
            KeyResolution refreshed = keys.resolve(signature.keyId(), true);
            if (refreshed instanceof KeyResolution.Found found) {
                return check(signature, found.key());
            }
        }
        return check;
    }

    private SignatureCheck check(ParsedSignature signature, VerificationKey key) {
        SignatureAlgorithm algorithm = signature.algorithm() != null ? signature.algorithm()
                : key.boundAlgorithm() != null ? key.boundAlgorithm() : SignatureAlgorithm.impliedBy(key.material());
        if (key.boundAlgorithm() != null && algorithm != key.boundAlgorithm()) {
            return new SignatureCheck.Rejected(SignatureFailure.ALGORITHM_NOT_ALLOWED, "key is bound to " + key.boundAlgorithm().rfc9421Name());
        }
        if (signature.scheme() == SignatureScheme.RFC9421 && !policy.rfc9421Algorithms().contains(algorithm)
                || key.material() instanceof KeyMaterial.Secret && !policy.rfc9421Algorithms().contains(SignatureAlgorithm.HMAC_SHA256)) {
            return new SignatureCheck.Rejected(SignatureFailure.ALGORITHM_NOT_ALLOWED, algorithm.rfc9421Name());
        }
        if (key.material() instanceof KeyMaterial.Rsa rsa && rsa.key().getModulus().bitLength() < policy.minRsaBits()) {
            return new SignatureCheck.Rejected(SignatureFailure.KEY_TOO_WEAK,
                    "RSA key has " + rsa.key().getModulus().bitLength() + " bits");
        }
        if (!algorithm.verify(key.material(), signature.signingInput(), signature.signature())) {
            return SignatureCheck.Rejected.of(SignatureFailure.INVALID_SIGNATURE);
        }
        return new SignatureCheck.Verified(signature.scheme(), key, algorithm.rfc9421Name());
    }

    /** For logs and the inbox's records: when the check was made. */
    public Instant now() {
        return policy.clock().instant();
    }
}
