package de.offenekommune.node.activitypub.organisation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.fetch.FetchResult;
import de.offenekommune.federation.fetch.RemoteFetcher;
import de.offenekommune.verification.attestation.RevocationLookup;
import de.offenekommune.verification.attestation.RevocationSource;
import de.offenekommune.verification.jcs.StrictJson;

/**
 * Issuers' revocation lists through the SSRF-guarded fetcher, kept for {@code verification.cache-ttl}.
 * The same document instance is handed out while cached, so the verifier checks its proof once. A list
 * that cannot be had is {@link RevocationLookup.Unavailable}: the verifier then shows no badge (fail closed).
 */
public final class FetchedRevocationLists implements RevocationSource {
    static final String ACCEPT = "application/ld+json, application/json";
    private static final int MAX_CACHED = 1_000;

    private record Cached(JsonNode document, Instant until) {
    }

    private final RemoteFetcher fetcher;
    private final Duration ttl;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    public FetchedRevocationLists(RemoteFetcher fetcher, Duration ttl, Clock clock) {
        this.fetcher = fetcher;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public RevocationLookup fetch(URI issuer, URI revocationList) {
        Instant now = clock.instant();
        Cached cached = cache.get(revocationList);
        if (cached != null && now.isBefore(cached.until())) {
            return new RevocationLookup.Found(cached.document());
        }
        FetchResult result = fetcher.get(revocationList.toString(), ACCEPT);
        if (result instanceof FetchResult.Failed failed) {
            return new RevocationLookup.Unavailable(failed.failure().message() + " (" + failed.detail() + ")");
        }
        var response = ((FetchResult.Fetched) result).response();
        String type = response.headers().first("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            return new RevocationLookup.Unavailable("served as '" + type + "', not as JSON");
        }
        JsonNode document;
        try {
            document = StrictJson.parse(response.body());
        } catch (IllegalArgumentException e) {
            return new RevocationLookup.Unavailable("not JSON: " + e.getMessage());
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(revocationList, new Cached(document, now.plus(ttl)));
        return new RevocationLookup.Found(document);
    }
}
