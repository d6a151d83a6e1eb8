package de.offenekommune.node.api;

import java.util.List;
import java.util.function.ToLongFunction;

import io.helidon.webserver.http.ServerRequest;

import de.offenekommune.node.web.HttpError;

/** Keyset paging for API lists: {@code ?after=<last id>&limit=<1..100>}, answered with the next page's URL. */
public final class ApiLists {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private ApiLists() {
    }

    /** A page of items; {@code next} is null on the last page. */
    public record Page<T>(List<T> items, String next) {
    }

    public static long after(ServerRequest req) {
        return number(req, "after", 0, Long.MAX_VALUE, 0);
    }

    public static int limit(ServerRequest req) {
        return (int) number(req, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    private static long number(ServerRequest req, String name, long min, long max, long fallback) {
        String v = req.query().first(name).orElse("");
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.badRequest("api.error.query", name);
    }

    /**
     * @param found up to {@code limit + 1} items: one more than shown tells that a next page exists
     */
    public static <T> Page<T> page(List<T> found, int limit, ToLongFunction<T> id, String path) {
        boolean more = found.size() > limit;
        List<T> shown = more ? found.subList(0, limit) : found;
        String next = more ? path + "?after=" + id.applyAsLong(shown.getLast()) + "&limit=" + limit : null;
        return new Page<>(List.copyOf(shown), next);
    }
}
