package de.offenekommune.node.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Who may read {@code /observe/metrics}: the figures tell an outsider how busy the node is and which
 * hosts fail, so they are not public. With {@code security.metrics-token} set, a scraper sends it as
 * a bearer token; without one, only a client on the same machine that came directly (no proxy's
 * forwarding header: behind a local reverse proxy every visitor arrives from loopback) may read them.
 * Health stays open for load balancers.
 */
public final class MetricsAccess implements Filter {
    private static final String PATH = "/observe/metrics";
    private final Optional<byte[]> token;

    public MetricsAccess(String token) {
        this.token = token == null || token.isBlank() ? Optional.empty()
                : Optional.of(token.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            chain.proceed();
            return;
        }
        if (token.isPresent() ? bearerMatches(req) : directFromLoopback(req)) {
            chain.proceed();
            return;
        }
        Status status = token.isPresent() ? Status.UNAUTHORIZED_401 : Status.FORBIDDEN_403;
        if (token.isPresent()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
        }
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .send(token.isPresent() ? "metrics need the bearer token configured as security.metrics-token\n"
                        : "metrics answer only on this machine; set security.metrics-token to scrape them remotely\n");
    }

    private boolean bearerMatches(RoutingRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] sent = header.get().substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, token.orElseThrow());
    }

    private static boolean directFromLoopback(RoutingRequest req) {
        if (req.headers().contains(HeaderNames.X_FORWARDED_FOR) || req.headers().contains(HeaderNames.FORWARDED)) {
            return false;
        }
        try {
            return InetAddress.getByName(req.remotePeer().host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
