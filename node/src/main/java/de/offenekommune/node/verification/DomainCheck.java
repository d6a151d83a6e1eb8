package de.offenekommune.node.verification;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import de.offenekommune.federation.fetch.FetchResult;
import de.offenekommune.federation.fetch.RemoteFetcher;

/**
 * Proof of domain control: fetches {@code https://<domain>/.well-known/offenekommune-verification}
 * through the federation's SSRF-guarded fetcher (every redirect hop is checked again, private and
 * link-local addresses are refused before a socket opens) and looks for the request's token on a
 * line of its own. One file may list the tokens of several nodes.
 */
public final class DomainCheck {
    private static final Logger LOG = Logger.getLogger(DomainCheck.class.getName());
    public static final String PATH = "/.well-known/offenekommune-verification";

    private final RemoteFetcher fetcher;
    private final String scheme;
    private final int port;

    /** @param port 0 for the scheme's default port (production); tests point it at their fake website */
    public DomainCheck(RemoteFetcher fetcher, String scheme, int port) {
        this.fetcher = fetcher;
        this.scheme = scheme;
        this.port = port;
    }

    /** The URL the organisation publishes its token at. */
    public String url(String domain) {
        return scheme + "://" + domain + (port > 0 ? ":" + port : "") + PATH;
    }

    public DomainCheckResult check(String domain, String token) {
        String url = url(domain);
        FetchResult result = fetcher.get(url, "text/plain");
        DomainCheckResult outcome = switch (result) {
            case FetchResult.Fetched f -> containsToken(new String(f.response().body(), StandardCharsets.UTF_8), token)
                    ? DomainCheckResult.FOUND : DomainCheckResult.WRONG_TOKEN;
            case FetchResult.Failed failed -> switch (failed.failure()) {
                case HTTP_STATUS, GONE -> DomainCheckResult.NOT_FOUND;
                case FORBIDDEN_ADDRESS, NOT_HTTP -> DomainCheckResult.REFUSED;
                case TIMEOUT -> DomainCheckResult.TIMEOUT;
                default -> DomainCheckResult.UNREACHABLE;
            };
        };
        LOG.info(() -> "Domain check " + url + ": " + outcome
                + (result instanceof FetchResult.Failed f ? " (" + f.detail() + ")" : ""));
        return outcome;
    }

    private static boolean containsToken(String body, String token) {
        return body.lines().map(String::strip).anyMatch(token::equals);
    }
}
