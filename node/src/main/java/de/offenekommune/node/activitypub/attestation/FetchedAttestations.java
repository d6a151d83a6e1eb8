package de.offenekommune.node.activitypub.attestation;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.fetch.FetchResult;
import de.offenekommune.federation.fetch.RemoteFetcher;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.jcs.StrictJson;

/**
 * An attestation as its issuer serves it at its id ({@code /attestierungen/<uuid>} on OffeneKommune
 * nodes): fetched through the SSRF-guarded fetcher, JSON only, at most {@link AttestationVerifier#MAX_BYTES},
 * strict JSON (no duplicate members) and its {@code id} equal to the URL. The copy an activity carries
 * is never used: JSON-LD processing on the way would break the proof.
 */
final class FetchedAttestations {
    static final String ACCEPT = "application/ld+json, application/json";

    private final RemoteFetcher fetcher;

    FetchedAttestations(RemoteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The document, or a plain reason why there is none. */
    sealed interface Fetched {
        record Found(JsonNode document) implements Fetched {
        }

        record Missing(String reason) implements Fetched {
        }
    }

    Fetched fetch(String url) {
        FetchResult result = fetcher.get(url, ACCEPT);
        if (result instanceof FetchResult.Failed failed) {
            return new Fetched.Missing(failed.failure().message() + " (" + failed.detail() + ")");
        }
        var response = ((FetchResult.Fetched) result).response();
        String type = response.headers().first("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            return new Fetched.Missing("served as '" + type + "', not as JSON");
        }
        byte[] body = response.body();
        if (body.length > AttestationVerifier.MAX_BYTES) {
            return new Fetched.Missing("larger than " + AttestationVerifier.MAX_BYTES + " bytes");
        }
        try {
            JsonNode json = StrictJson.parse(body);
            return json.isObject() && url.equals(json.path("id").asText(null)) ? new Fetched.Found(json)
                    : new Fetched.Missing("its id is not " + url);
        } catch (IllegalArgumentException e) {
            return new Fetched.Missing("not JSON: " + e.getMessage());
        }
    }
}
