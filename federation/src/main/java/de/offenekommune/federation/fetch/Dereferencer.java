package de.offenekommune.federation.fetch;

import java.time.Clock;
import java.util.Locale;

import de.offenekommune.federation.jsonld.DocumentReader;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.federation.vocab.MalformedDocumentException;

/**
 * Fetches ActivityPub documents and accepts them only as Mastodon does: served as
 * {@code application/activity+json} or {@code application/ld+json} with the ActivityStreams profile
 * (anything else could be an uploaded file on the same host: CVE-2024-25623 class), and with an
 * {@code id} equal to the URL fetched. A document whose id differs is fetched once more from its own
 * id, and dropped if that does not match either.
 */
public final class Dereferencer {
    public static final String ACCEPT = Contexts.ACTIVITY_JSON + ", " + Contexts.LD_JSON_AS;

    private final RemoteFetcher fetcher;
    private final DocumentReader reader;
    private final Clock clock;
    private final ObjectCache cache;

    public Dereferencer(RemoteFetcher fetcher, DocumentReader reader, Clock clock, FetchConfig config) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.clock = clock;
        this.cache = new ObjectCache(config.cacheTtl(), 10_000);
    }

    /** From the cache when fresh, else fetched. */
    public Dereferenced fetch(String url) {
        var cached = cache.get(url, clock.instant());
        if (cached.isPresent()) {
            return new Dereferenced.Found(cached.get());
        }
        return fetchFresh(url);
    }

    /** Always fetched (and cached). */
    public Dereferenced fetchFresh(String url) {
        Dereferenced result = fetchChecked(url, true);
        if (result instanceof Dereferenced.Found found) {
            cache.put(url, found.document(), clock.instant());
        }
        return result;
    }

    public void invalidate(String url) {
        cache.invalidate(url);
    }

    private Dereferenced fetchChecked(String url, boolean mayFollowId) {
        FetchResult result = fetcher.get(url, ACCEPT);
        if (result instanceof FetchResult.Failed failed) {
            return new Dereferenced.Failed(failed.failure(), failed.detail());
        }
        OutboundResponse response = ((FetchResult.Fetched) result).response();
        String contentType = response.headers().first("content-type").orElse("");
        if (!isActivityPubType(contentType)) {
            return new Dereferenced.Failed(FetchFailure.WRONG_CONTENT_TYPE, "served as '" + contentType + "'");
        }
        AsDocument document;
        try {
            document = reader.read(response.body());
        } catch (MalformedDocumentException e) {
            return new Dereferenced.Failed(FetchFailure.MALFORMED, e.getMessage());
        }
        if (url.equals(document.id())) {
            return new Dereferenced.Found(document);
        }
        if (mayFollowId && document.id() != null && de.offenekommune.federation.uri.Origin.isHttpUrl(document.id())) {
            return fetchChecked(document.id(), false);
        }
        return new Dereferenced.Failed(FetchFailure.ID_MISMATCH, "fetched " + url + " but the document says " + document.id());
    }

    static boolean isActivityPubType(String contentType) {
        String value = contentType.toLowerCase(Locale.ROOT);
        String base = value.split(";")[0].strip();
        if (base.equals("application/activity+json")) {
            return true;
        }
        return base.equals("application/ld+json") && value.contains("https://www.w3.org/ns/activitystreams");
    }
}
