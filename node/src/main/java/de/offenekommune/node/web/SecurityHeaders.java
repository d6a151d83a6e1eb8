package de.offenekommune.node.web;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Headers that make injected markup and framing harmless: a strict Content-Security-Policy (our
 * pages need no inline script), no MIME sniffing, no referrer to other sites, no framing.
 */
public final class SecurityHeaders implements Filter {
    private final String csp;

    public SecurityHeaders(String extraImageSources) {
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
                + extraImageSources + "; font-src 'self'; connect-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header("Content-Security-Policy", csp);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Referrer-Policy", "same-origin");
        res.header("X-Frame-Options", "DENY");
        res.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        chain.proceed();
    }
}
