package de.offenekommune.federation.fetch;

import java.net.URI;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.sig.SignatureSchemeMemory;
import de.offenekommune.federation.uri.Origin;

/**
 * Sends a request signed by a local actor: RFC 9421 first, and draft-cavage when the host answers
 * 401/403 to it; what worked is remembered per host so later requests go right the first time.
 * Both generations are signed with the actor's RSA key, which every Mastodon since 4.5 verifies.
 */
public final class SignedRequests {
    private final OutboundHttp http;
    private final HttpSigner signer;
    private final SignatureSchemeMemory schemes;

    public SignedRequests(OutboundHttp http, HttpSigner signer, SignatureSchemeMemory schemes) {
        this.http = http;
        this.signer = signer;
        this.schemes = schemes;
    }

    public OutboundHttp http() {
        return http;
    }

    public OutboundResponse get(URI uri, HttpFields headers, ActorKeys keys) {
        return send("GET", uri, headers, null, keys);
    }

    public OutboundResponse post(URI uri, HttpFields headers, byte[] body, ActorKeys keys) {
        return send("POST", uri, headers, body, keys);
    }

    private OutboundResponse send(String method, URI uri, HttpFields headers, byte[] body, ActorKeys keys) {
        String host = Origin.of(uri).host();
        SignatureScheme first = schemes.firstChoice(host);
        OutboundResponse response = sendOnce(method, uri, headers, body, keys, first);
        if (first == SignatureScheme.RFC9421 && refused(response)) {
            OutboundResponse fallback = sendOnce(method, uri, headers, body, keys, SignatureScheme.CAVAGE);
            if (!refused(fallback)) {
                schemes.remember(host, SignatureScheme.CAVAGE);
            }
            return fallback;
        }
        if (!refused(response) && response.status() < 500 && schemes.known(host).isEmpty()) {
            schemes.remember(host, first);
        }
        return response;
    }

    private OutboundResponse sendOnce(String method, URI uri, HttpFields headers, byte[] body, ActorKeys keys,
                                      SignatureScheme scheme) {
        HttpMessage message = HttpMessage.request(method, uri, headers.copy(), body);
        signer.sign(message, keys.rsa(), scheme);
        return body == null ? http.get(uri, message.fields()) : http.post(uri, message.fields(), body);
    }

    private static boolean refused(OutboundResponse response) {
        return response.status() == 401 || response.status() == 403;
    }
}
