package de.offenekommune.node.activitypub.organisation;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.federation.fetch.FetchResult;
import de.offenekommune.federation.fetch.RemoteFetcher;
import de.offenekommune.verification.jcs.StrictJson;

/**
 * Fetches an ActivityPub document as its author serialised it, for checking its integrity proof: the
 * federation's dereferencer hands out JSON-LD-normalised documents (whose proofs no longer verify).
 * Same rules as the dereferencer: the SSRF-guarded fetcher, ActivityPub content types only, and the
 * document's {@code id} must equal the URL fetched.
 */
public final class RawDocuments {
    private final RemoteFetcher fetcher;

    public RawDocuments(RemoteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public Optional<ObjectNode> fetch(String url) {
        if (!(fetcher.get(url, Dereferencer.ACCEPT) instanceof FetchResult.Fetched fetched)) {
            return Optional.empty();
        }
        String type = fetched.response().headers().first("content-type").orElse("").toLowerCase(Locale.ROOT);
        String base = type.split(";")[0].strip();
        boolean activityPub = base.equals("application/activity+json")
                || base.equals("application/ld+json") && type.contains("https://www.w3.org/ns/activitystreams");
        if (!activityPub) {
            return Optional.empty();
        }
        try {
            JsonNode json = StrictJson.parse(fetched.response().body());
            return json.isObject() && url.equals(json.path("id").asText(null)) ? Optional.of((ObjectNode) json)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
