package de.offenekommune.node.web;

import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;

/** Positive numeric ids from paths and forms; anything else is a 400, never a 500. */
public final class Ids {
    private Ids() {
    }

    public static long parse(String value) {
        try {
            long id = Long.parseLong(value == null ? "" : value.trim());
            if (id <= 0) {
                throw HttpError.badRequest("form.error.bad-id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("form.error.bad-id");
        }
    }

    /** The path parameter {@code name} as an id. */
    public static long path(ServerRequest req, String name) {
        return parse(req.path().pathParameters().get(name));
    }

    /** An optional id (empty string = absent). */
    public static Optional<Long> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(value));
    }
}
