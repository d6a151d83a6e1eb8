package de.offenekommune.federation.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.offenekommune.federation.vocab.AsDocument;

/** Recently fetched documents by URL, bounded (least recently used goes first) and expiring. */
final class ObjectCache {
    private record Cached(AsDocument document, Instant fetchedAt) {
    }

    private final Duration ttl;
    private final Map<String, Cached> entries;

    ObjectCache(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<AsDocument> get(String url, Instant now) {
        Cached entry = entries.get(url);
        if (entry == null || entry.fetchedAt().plus(ttl).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.document());
    }

    synchronized void put(String url, AsDocument document, Instant now) {
        entries.put(url, new Cached(document, now));
    }

    synchronized void invalidate(String url) {
        entries.remove(url);
    }
}
