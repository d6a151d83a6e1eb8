package de.offenekommune.node.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Turns exceptions into answers in one place: {@link HttpError} and {@link InvalidInput} become their
 * status with a translated message, as JSON for API and ActivityPub clients and as an HTML page for
 * browsers; anything else is logged and becomes a 500 without internals.
 */
public final class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    public void register(HttpRouting.Builder routing) {
        routing.error(HttpError.class, (req, res, e) -> send(req, res, e.status(), e.messageKey(), e.args(), Map.of()));
        routing.error(InvalidInput.class, (req, res, e) ->
                send(req, res, e.status(), "error.invalid", new Object[0], e.fields()));
        // Helidon's own (no route: 404, bad request line, payload too large: 413, ...)
        routing.error(io.helidon.http.HttpException.class, (req, res, e) ->
                send(req, res, e.status(), keyFor(e.status()), new Object[0], Map.of()));
        routing.error(Exception.class, (req, res, e) -> {
            LOG.log(Level.SEVERE, "Unhandled error on " + req.prologue().method() + " " + req.path().absolute().path(), e);
            send(req, res, Status.INTERNAL_SERVER_ERROR_500, "error.internal", new Object[0], Map.of());
        });
    }

    private static String keyFor(Status status) {
        return switch (status.code()) {
            case 404 -> "error.not-found";
            case 401 -> "error.login-required";
            case 403 -> "error.forbidden";
            case 413 -> "error.payload-too-large";
            case 405 -> "error.method-not-allowed";
            default -> status.code() >= 500 ? "error.internal" : "error.bad-request";
        };
    }

    public static boolean wantsJson(ServerRequest req) {
        String path = req.path().absolute().path();
        if (path.startsWith("/api/")) {
            return true;
        }
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        return !accept.contains("text/html") && (accept.contains("json") || accept.isEmpty()
                && req.headers().first(HeaderNames.CONTENT_TYPE).map(c -> c.contains("json")).orElse(false));
    }

    private void send(ServerRequest req, ServerResponse res, Status status, String key, Object[] args,
                      Map<String, String> fields) {
        if (res.isSent()) {
            return;
        }
        Page page = pages.page(req);
        if (status == Status.TOO_MANY_REQUESTS_429 || status == Status.SERVICE_UNAVAILABLE_503) {
            res.header(HeaderNames.RETRY_AFTER, "60");
        }
        if (wantsJson(req)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.code());
            body.put("error", key);
            body.put("message", page.t(key, args));
            if (!fields.isEmpty()) {
                Map<String, String> translated = new LinkedHashMap<>();
                fields.forEach((f, k) -> translated.put(f, page.t(k)));
                body.put("fields", translated);
            }
            res.status(status);
            res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8"));
            try {
                res.send(JSON.writeValueAsBytes(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                res.send();
            }
            return;
        }
        if (status == Status.UNAUTHORIZED_401 && req.prologue().method() == io.helidon.http.Method.GET) {
            // A signed-out visitor following a link to a protected page: sign in, then come back.
            Pages.redirect(res, "/anmelden?weiter=" + java.net.URLEncoder.encode(req.path().absolute().path(),
                    java.nio.charset.StandardCharsets.UTF_8), null);
            return;
        }
        pages.render(res, status, page.withErrors(fields), "error.jte",
                "status", status.code(), "message", page.t(key, args));
    }
}
