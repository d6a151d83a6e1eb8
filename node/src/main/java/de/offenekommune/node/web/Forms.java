package de.offenekommune.node.web;

import java.util.List;
import java.util.Optional;

import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

/**
 * Reads an {@code application/x-www-form-urlencoded} body and checks its CSRF token before anything
 * else happens. Every HTML form POST goes through here, so no handler can forget the check.
 */
public final class Forms {
    private final Csrf csrf;

    public Forms(Csrf csrf) {
        this.csrf = csrf;
    }

    /** A parsed, CSRF-checked form. */
    public record Form(Parameters params) {
        /** Trimmed value or empty string; {@link HttpError} 400 if longer than {@code max}. */
        public String text(String name, int max) {
            String v = params.first(name).orElse("").trim();
            if (v.length() > max) {
                throw InvalidInput.of(name, "form.error.too-long");
            }
            return v;
        }

        /** Untrimmed (passwords). */
        public String raw(String name, int max) {
            String v = params.first(name).orElse("");
            if (v.length() > max) {
                throw InvalidInput.of(name, "form.error.too-long");
            }
            return v;
        }

        public Optional<String> optional(String name) {
            return params.first(name).asOptional().map(String::trim).filter(s -> !s.isEmpty());
        }

        public List<String> all(String name) {
            return params.contains(name) ? params.all(name) : List.of();
        }

        public boolean checked(String name) {
            return params.contains(name);
        }

        public long id(String name) {
            try {
                return Long.parseLong(params.first(name).orElse(""));
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("form.error.bad-id");
            }
        }
    }

    /** @throws HttpError 400 for a body that is not a form, 403 for a missing or wrong CSRF token */
    public Form read(ServerRequest req, Visitor visitor) {
        Parameters params;
        try {
            params = req.content().as(Parameters.class);
        } catch (RuntimeException e) {
            throw HttpError.badRequest("form.error.malformed");
        }
        if (!csrf.valid(visitor.csrfBinding(), params.first(Csrf.FIELD).orElse(null))) {
            throw HttpError.forbidden("error.csrf");
        }
        return new Form(params);
    }
}
