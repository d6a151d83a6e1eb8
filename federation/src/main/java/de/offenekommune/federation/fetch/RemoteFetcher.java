package de.offenekommune.federation.fetch;

import java.net.URI;
import java.net.URISyntaxException;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;

/**
 * The one fetcher for every outbound GET (actors, objects, collections, WebFinger, verification
 * files). Follows at most {@code max-redirects} redirects itself, so every hop is parsed, checked for
 * http(s) and connected through the address guard again. Signs with the instance actor's key when
 * one is given (servers in authorised-fetch mode answer nothing else).
 */
public final class RemoteFetcher {
    private final SignedRequests signed;
    private final ActorKeys instanceActor;

    /** @param instanceActor the key for signed fetches, or null for unsigned fetches only */
    public RemoteFetcher(SignedRequests signed, ActorKeys instanceActor) {
        this.signed = signed;
        this.instanceActor = instanceActor;
    }

    public FetchResult get(String url, String accept) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return FetchResult.Failed.of(FetchFailure.NOT_HTTP, "not a URL: " + url);
        }
        int maxRedirects = signed.http().config().maxRedirects();
        for (int hop = 0; hop <= maxRedirects; hop++) {
            OutboundResponse response;
            try {
                response = send(uri, accept);
            } catch (OutboundException e) {
                return FetchResult.Failed.of(e.failure(), e.getMessage());
            }
            if (!response.isRedirect()) {
                return outcome(response);
            }
            var location = response.headers().first("location");
            if (location.isEmpty()) {
                return new FetchResult.Failed(FetchFailure.HTTP_STATUS, "redirect without Location", response.status());
            }
            try {
                uri = uri.resolve(new URI(location.get()));
            } catch (URISyntaxException e) {
                return FetchResult.Failed.of(FetchFailure.NOT_HTTP, "bad redirect target");
            }
        }
        return FetchResult.Failed.of(FetchFailure.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects");
    }

    private OutboundResponse send(URI uri, String accept) {
        HttpFields headers = HttpFields.create().set("accept", accept);
        return instanceActor == null ? signed.http().get(uri, headers) : signed.get(uri, headers, instanceActor);
    }

    private static FetchResult outcome(OutboundResponse response) {
        if (response.status() == 410) {
            return new FetchResult.Failed(FetchFailure.GONE, response.uri().toString(), 410);
        }
        if (!response.isSuccess()) {
            return new FetchResult.Failed(FetchFailure.HTTP_STATUS, "status " + response.status(), response.status());
        }
        return new FetchResult.Fetched(response);
    }
}
