package de.offenekommune.node.db;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for parameters, so a list travels as one value
 * ({@code WHERE id = ANY(CAST(? AS bigint[]))}, {@code topics = CAST(? AS text[])}): batch loads
 * stay one query, whatever the list's length.
 */
public final class PgArrays {
    private PgArrays() {
    }

    public static String longs(Collection<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** Every element double-quoted, with {@code "} and {@code \} escaped as the array syntax wants. */
    public static String texts(Collection<String> values) {
        return values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
