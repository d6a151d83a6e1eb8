package de.offenekommune.federation.sig;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a verifier demands beyond a mathematically valid signature.
 *
 * @param clock               the time "now" is taken from
 * @param maxSkew             how far Date / created may be from now, either way
 * @param cavageAlgorithms    accepted draft-cavage {@code algorithm} values (lower case)
 * @param rfc9421Algorithms   accepted RFC 9421 algorithms
 * @param requireCoverage     demand that requests cover method, target, host and (with a body) a digest
 * @param minRsaBits          smallest RSA modulus accepted
 */
public record SignaturePolicy(Clock clock, Duration maxSkew, Set<String> cavageAlgorithms,
                              Set<SignatureAlgorithm> rfc9421Algorithms, boolean requireCoverage, int minRsaBits) {

    /** Federation defaults: +-1 h, no HMAC, no SHA-1/MD5, RSA of at least 2048 bits, full coverage. */
    public static SignaturePolicy federation(Clock clock) {
        return new SignaturePolicy(clock, Duration.ofHours(1), Set.of("rsa-sha256", "hs2019", "rsa-sha512", "ed25519"),
                EnumSet.of(SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.RSA_PSS_SHA512,
                        SignatureAlgorithm.ED25519),
                true, 2048);
    }

    /** For published test vectors, which are old, cover little and use small keys and HMAC. */
    public static SignaturePolicy testVectors(Clock clock) {
        return new SignaturePolicy(clock, Duration.ofHours(1), Set.of("rsa-sha256", "hs2019"),
                EnumSet.allOf(SignatureAlgorithm.class), false, 1024);
    }
}
