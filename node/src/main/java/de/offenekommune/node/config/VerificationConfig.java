package de.offenekommune.node.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.helidon.config.Config;

/**
 * Verification of organisations and of member nodes (see docs/operations.md, "Verifying organisations").
 *
 * @param region              the region's actor whose attestations this node trusts, if any
 * @param trustAnchors        further issuers (actor URIs) this node trusts
 * @param attestationValidity how long an attestation issued here is valid
 * @param recheckInterval     how often remote organisations' attestations are checked again
 * @param cacheTtl            how long fetched issuer keys and revocation lists are reused
 * @param domainCheckScheme   {@code https}; tests serve the organisation's website over http
 * @param domainCheckPort     0: the scheme's default port; tests point it at their fake website
 */
public record VerificationConfig(Optional<URI> region, Set<URI> trustAnchors, Duration attestationValidity,
                                 Duration recheckInterval, Duration cacheTtl, String domainCheckScheme,
                                 int domainCheckPort) {

    static VerificationConfig from(Config v) {
        Optional<URI> region = v.get("region").asString().asOptional().map(String::strip).filter(s -> !s.isEmpty())
                .map(VerificationConfig::actorUri);
        Set<URI> anchors = new LinkedHashSet<>();
        strings(v.get("trust-anchors")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(VerificationConfig::actorUri).forEach(anchors::add);
        String scheme = v.get("domain-check-scheme").asString().orElse("https").strip().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("verification.domain-check-scheme must be https or http, not " + scheme);
        }
        return new VerificationConfig(region, Set.copyOf(anchors),
                v.get("attestation-validity").as(Duration.class).orElse(Duration.ofDays(365)),
                v.get("recheck-interval").as(Duration.class).orElse(Duration.ofHours(6)),
                v.get("cache-ttl").as(Duration.class).orElse(Duration.ofMinutes(15)),
                scheme, v.get("domain-check-port").asInt().orElse(0));
    }

    /** A YAML list, or one comma-separated value (environment variables). */
    private static List<String> strings(Config node) {
        if (!node.exists()) {
            return List.of();
        }
        if (node.isLeaf()) {
            return List.of(node.asString().orElse("").split(","));
        }
        return node.asList(String.class).orElse(List.of());
    }

    /** A trusted issuer: an absolute http(s) actor URI. */
    static URI actorUri(String value) {
        URI uri = URI.create(value);
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("verification.region and verification.trust-anchors take actor URLs,"
                    + " not " + value);
        }
        return uri;
    }
}
