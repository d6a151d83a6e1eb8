package de.offenekommune.node.api;

import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import de.offenekommune.node.web.HttpError;

/**
 * Guards everything under {@code /api/v1/}: a request without a valid bearer token gets 401, a
 * token whose account is not staff 403, before any handler runs. Handlers find the
 * {@link ApiCaller} in the request context ({@link #caller}).
 */
public final class ApiAuthFilter implements Filter {
    public static final String PREFIX = "/api/v1";

    private final ApiTokenService tokens;

    public ApiAuthFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            chain.proceed();
            return;
        }
        switch (tokens.authenticate(bearer(req).orElse(null))) {
            case ApiTokenService.Authentication.Accepted a -> {
                req.context().register(ApiCaller.class, a.caller());
                chain.proceed();
            }
            case ApiTokenService.Authentication.Unknown u -> {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"OffeneKommune\"");
                throw new HttpError(Status.UNAUTHORIZED_401, "api.error.token");
            }
            case ApiTokenService.Authentication.NotStaff n -> throw HttpError.forbidden("api.error.not-staff");
        }
    }

    static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.length() > 7 && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer "))
                .map(h -> h.substring(7).trim());
    }

    /** The authenticated caller; only present on API routes, after this filter. */
    public static ApiCaller caller(ServerRequest req) {
        return req.context().get(ApiCaller.class, ApiCaller.class)
                .orElseThrow(() -> new IllegalStateException("ApiAuthFilter did not run for " + req.path().path()));
    }
}
