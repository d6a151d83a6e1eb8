package de.offenekommune.node.web;

import io.helidon.http.Status;

/**
 * An error that carries its HTTP status and a message key (resolved in the visitor's language), so
 * every handler can just throw and one error handler renders it as HTML or JSON.
 */
public final class HttpError extends RuntimeException {
    private final Status status;
    private final String messageKey;
    private final Object[] args;

    public HttpError(Status status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static HttpError badRequest(String key, Object... args) {
        return new HttpError(Status.BAD_REQUEST_400, key, args);
    }

    public static HttpError unauthorized(String key) {
        return new HttpError(Status.UNAUTHORIZED_401, key);
    }

    public static HttpError forbidden(String key) {
        return new HttpError(Status.FORBIDDEN_403, key);
    }

    public static HttpError notFound() {
        return new HttpError(Status.NOT_FOUND_404, "error.not-found");
    }

    public static HttpError conflict(String key, Object... args) {
        return new HttpError(Status.CONFLICT_409, key, args);
    }

    public static HttpError tooMany(String key) {
        return new HttpError(Status.TOO_MANY_REQUESTS_429, key);
    }

    public Status status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
