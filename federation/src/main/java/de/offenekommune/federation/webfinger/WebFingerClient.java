package de.offenekommune.federation.webfinger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.FetchResult;
import de.offenekommune.federation.fetch.RemoteFetcher;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.MalformedDocumentException;

/** Looks up {@code @name@host} through the remote server's WebFinger, via the guarded fetcher. */
public final class WebFingerClient {
    private final RemoteFetcher fetcher;
    private final String scheme;

    /** @param scheme "https" in production; tests against WireMock use "http" */
    public WebFingerClient(RemoteFetcher fetcher, String scheme) {
        this.fetcher = fetcher;
        this.scheme = scheme;
    }

    /** @param handle {@code name@host}, {@code @name@host} or {@code acct:name@host} */
    public Optional<WebFingerResult> lookup(String handle) {
        String account = handle.startsWith("acct:") ? handle.substring(5) : handle;
        account = account.startsWith("@") ? account.substring(1) : account;
        int at = account.lastIndexOf('@');
        if (at <= 0 || at == account.length() - 1) {
            return Optional.empty();
        }
        String host = account.substring(at + 1);
        String url = scheme + "://" + host + "/.well-known/webfinger?resource="
                + URLEncoder.encode("acct:" + account, StandardCharsets.UTF_8);
        if (!Origin.isHttpUrl(url)) {
            return Optional.empty();
        }
        FetchResult result = fetcher.get(url, "application/jrd+json, application/json");
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return Optional.empty();
        }
        try {
            return parse(ActivityJson.parse(fetched.response().body()));
        } catch (MalformedDocumentException e) {
            return Optional.empty();
        }
    }

    static Optional<WebFingerResult> parse(ObjectNode jrd) {
        String self = null;
        String profile = null;
        for (JsonNode link : jrd.path("links")) {
            String rel = link.path("rel").asText();
            String type = link.path("type").asText("");
            if (rel.equals("self") && (type.startsWith("application/activity+json") || type.startsWith("application/ld+json"))) {
                self = link.path("href").asText(null);
            } else if (rel.equals(WebFingerService.PROFILE_PAGE)) {
                profile = link.path("href").asText(null);
            }
        }
        if (self == null || !Origin.isHttpUrl(self)) {
            return Optional.empty();
        }
        return Optional.of(new WebFingerResult(jrd.path("subject").asText(null), self, profile));
    }
}
