package de.offenekommune.federation.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Locale;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.uri.Origin;

/**
 * The single way out for all outbound traffic (fetches and deliveries): the address guard at
 * connect time, no proxy, no automatic redirects, timeouts, and a body limit. GETs use Helidon's
 * WebClient; POSTs (deliveries) a lean keep-alive client ({@link LeanHttp}) under the same rules.
 */
public final class OutboundHttp {
    private final WebClient client;
    private final GuardedDnsResolver resolver;
    private final FetchConfig config;
    private final LeanHttp posts;

    public OutboundHttp(FetchConfig config, HostResolver hostResolver) {
        this.config = config;
        this.resolver = new GuardedDnsResolver(hostResolver, config.addressPolicy());
        this.posts = new LeanHttp(config, resolver);
        this.client = WebClient.builder()
                .dnsResolver(resolver)
                .followRedirects(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .proxy(Proxy.noProxy())
                // Headers and body go out in separate writes; with Nagle the body waits for the peer's delayed ACK.
                .socketOptions(o -> o.tcpNoDelay(true))
                .build();
    }

    public FetchConfig config() {
        return config;
    }

    public OutboundResponse get(URI uri, HttpFields headers) {
        return exchange(uri, headers, null);
    }

    /** POSTs go through {@link LeanHttp} (deliveries: many hosts, connections idle between fan-outs). */
    public OutboundResponse post(URI uri, HttpFields headers, byte[] body) {
        return posts.post(uri, checkTarget(uri), headers, body);
    }

    /** @throws OutboundException when no response could be had, with the reason */
    private OutboundResponse exchange(URI uri, HttpFields headers, byte[] body) {
        checkTarget(uri);
        HttpClientRequest request = (body == null ? client.get() : client.post()).uri(uri).skipUriEncoding(true);
        request.header(HeaderNames.USER_AGENT, config.userAgent());
        for (String name : headers.names()) {
            request.header(HeaderNames.create(name), headers.all(name));
        }
        try (HttpClientResponse response = body == null ? request.request() : request.submit(body)) {
            HttpFields responseHeaders = HttpFields.create();
            response.headers().forEach(h -> responseHeaders.add(h.name(), h.get()));
            return new OutboundResponse(uri, response.status().code(), responseHeaders, readLimited(response));
        } catch (OutboundException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(uri, e);
        }
    }

    private Origin checkTarget(URI uri) {
        Origin origin;
        try {
            origin = Origin.of(uri);
        } catch (IllegalArgumentException e) {
            throw new OutboundException(FetchFailure.NOT_HTTP, e.getMessage(), e);
        }
        if (!resolver.allowsLiteral(origin.host())) {
            throw new OutboundException(FetchFailure.FORBIDDEN_ADDRESS, origin.host() + " may not be reached", null);
        }
        return origin;
    }

    private byte[] readLimited(HttpClientResponse response) {
        long declared = response.headers().contentLength().orElse(-1L);
        if (declared > config.maxBodyBytes()) {
            throw new OutboundException(FetchFailure.TOO_LARGE, declared + " bytes declared", null);
        }
        try (InputStream in = response.inputStream()) {
            byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
            if (body.length > config.maxBodyBytes()) {
                throw new OutboundException(FetchFailure.TOO_LARGE, "more than " + config.maxBodyBytes() + " bytes", null);
            }
            return body;
        } catch (IOException e) {
            throw classify(response.lastEndpointUri().toUri(), new UncheckedIOException(e));
        }
    }

    private static OutboundException classify(URI uri, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenAddressException f) {
                return new OutboundException(FetchFailure.FORBIDDEN_ADDRESS, f.getMessage(), e);
            }
            if (t instanceof SocketTimeoutException
                    || t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out")) {
                return new OutboundException(FetchFailure.TIMEOUT, uri + ": " + t.getMessage(), e);
            }
        }
        return new OutboundException(FetchFailure.CONNECTION_FAILED, uri + ": " + e.getMessage(), e);
    }
}
