package de.offenekommune.node.moderation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.offenekommune.node.db.Sql;

/**
 * The kinds of content that can be flagged and hidden. Each domain registers a loader for its kind
 * (comments and proposals here; projects and news can join), so moderation needs no knowledge of them.
 */
public final class ModeratedKinds {

    @FunctionalInterface
    public interface Loader {
        /** The existing items among {@code ids}, in one query. */
        Map<Long, ModeratedItem> load(Sql sql, Collection<Long> ids);
    }

    private final Map<String, Loader> loaders = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.LongFunction<String>> paths = new ConcurrentHashMap<>();

    /** @param path the public page of an item of this kind, from its id (for the public log) */
    public void register(String kind, Loader loader, java.util.function.LongFunction<String> path) {
        if (loaders.putIfAbsent(kind, loader) != null) {
            throw new IllegalStateException("moderated kind registered twice: " + kind);
        }
        paths.put(kind, path);
    }

    /** The public page of an item, without loading it; null for a kind no longer registered. */
    public String path(String kind, long id) {
        var p = paths.get(kind);
        return p == null ? null : p.apply(id);
    }

    public boolean known(String kind) {
        return kind != null && loaders.containsKey(kind);
    }

    public Optional<ModeratedItem> find(Sql sql, String kind, long id) {
        return known(kind) ? Optional.ofNullable(loaders.get(kind).load(sql, List.of(id)).get(id)) : Optional.empty();
    }

    /** One query per kind present in {@code ids}. */
    public Map<String, Map<Long, ModeratedItem>> load(Sql sql, Map<String, ? extends Collection<Long>> ids) {
        Map<String, Map<Long, ModeratedItem>> out = new java.util.HashMap<>();
        ids.forEach((kind, list) -> {
            if (known(kind) && !list.isEmpty()) {
                out.put(kind, loaders.get(kind).load(sql, list));
            }
        });
        return out;
    }
}
