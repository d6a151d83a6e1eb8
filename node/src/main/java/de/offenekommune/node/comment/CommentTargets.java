package de.offenekommune.node.comment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.offenekommune.node.db.Sql;

/**
 * The kinds of objects that take comments. Each domain registers how to find one of its objects
 * (proposals do, projects and news can), so comments need no foreign key and no knowledge of them.
 */
public final class CommentTargets {

    @FunctionalInterface
    public interface Resolver {
        /** @return the target if it exists, is not deleted and takes comments */
        Optional<CommentTarget> find(Sql sql, long id);
    }

    private final Map<String, Resolver> resolvers = new ConcurrentHashMap<>();

    public void register(String kind, Resolver resolver) {
        if (resolvers.putIfAbsent(kind, resolver) != null) {
            throw new IllegalStateException("comment target kind registered twice: " + kind);
        }
    }

    public Optional<CommentTarget> find(Sql sql, String kind, long id) {
        Resolver r = kind == null ? null : resolvers.get(kind);
        return r == null ? Optional.empty() : r.find(sql, id);
    }
}
