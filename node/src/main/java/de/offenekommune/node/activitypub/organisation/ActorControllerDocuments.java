package de.offenekommune.node.activitypub.organisation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.offenekommune.federation.fetch.Dereferenced;
import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.verification.key.ControllerDocument;
import de.offenekommune.verification.key.ControllerDocuments;

/**
 * Issuers' and organisations' keys for proof checks: the actor document is fetched through the
 * federation's dereferencer (SSRF guard, ActivityPub content types only, its {@code id} must equal the
 * URL fetched), parsed once and kept for {@code verification.cache-ttl}. Failures are not kept: the
 * next check tries again.
 */
public final class ActorControllerDocuments implements ControllerDocuments {
    private static final int MAX_CACHED = 10_000;

    private record Cached(ControllerDocument document, Instant until) {
    }

    private final Dereferencer dereferencer;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ActorControllerDocuments(Dereferencer dereferencer, Duration ttl, Clock clock) {
        this.dereferencer = dereferencer;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<ControllerDocument> resolve(URI verificationMethod) {
        String url = withoutFragment(verificationMethod.toString());
        Instant now = clock.instant();
        Cached cached = cache.get(url);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.document());
        }
        Dereferenced result = cached == null ? dereferencer.fetch(url) : dereferencer.fetchFresh(url);
        if (result instanceof Dereferenced.Failed failed) {
            throw new IllegalStateException(failed.failure().message() + ": " + failed.detail());
        }
        var document = ((Dereferenced.Found) result).document();
        if (!url.equals(document.id())) {
            return Optional.empty(); // served under another id: not the document the key names
        }
        ControllerDocument parsed = ControllerDocument.fromActor(document.json());
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(url, new Cached(parsed, now.plus(ttl)));
        return Optional.of(parsed);
    }

    /** Drops an actor's keys (its Update arrived). */
    public void forget(String actorId) {
        cache.remove(actorId);
    }

    private static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
