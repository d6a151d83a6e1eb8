package de.offenekommune.federation.fetch;

import java.net.URI;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.sig.SignatureSchemeMemory;
import de.offenekommune.federation.sig.SignedBody;
import de.offenekommune.federation.sig.SigningKey;
import de.offenekommune.federation.uri.Origin;

/**
 * Sends a request signed by a local actor: RFC 9421 with the RSA key first, or with the Ed25519
 * key for a host known to verify that; on 401/403 the next weaker choice (Ed25519, then RFC 9421
 * RSA, then draft-cavage RSA). What worked is remembered per host so later requests go right the
 * first time.
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

    public SignatureSchemeMemory schemes() {
        return schemes;
    }

    public OutboundResponse get(URI uri, HttpFields headers, ActorKeys keys) {
        return send("GET", uri, headers, null, keys);
    }

    public OutboundResponse post(URI uri, HttpFields headers, byte[] body, ActorKeys keys) {
        return send("POST", uri, headers, SignedBody.of(body), keys);
    }

    /** A POST whose body (and its digest) is shared by many requests, as in a fan-out. */
    public OutboundResponse post(URI uri, HttpFields headers, SignedBody body, ActorKeys keys) {
        return send("POST", uri, headers, body, keys);
    }

    private OutboundResponse send(String method, URI uri, HttpFields headers, SignedBody body, ActorKeys keys) {
        String host = Origin.of(uri).host();
        SignatureScheme scheme = usable(schemes.firstChoice(host), keys);
        OutboundResponse response = sendOnce(method, uri, headers, body, keys, scheme);
        boolean fellBack = false;
        while (refused(response) && scheme != SignatureScheme.CAVAGE) {
            schemes.refused(host, scheme);
            scheme = scheme == SignatureScheme.RFC9421_ED25519 ? SignatureScheme.RFC9421 : SignatureScheme.CAVAGE;
            response = sendOnce(method, uri, headers, body, keys, scheme);
            fellBack = true;
        }
        if (!refused(response) && response.status() < 500 && (fellBack || schemes.known(host).isEmpty())) {
            schemes.remember(host, scheme);
        }
        return response;
    }

    /** An actor without an Ed25519 key (made before they existed) signs with RSA. */
    private static SignatureScheme usable(SignatureScheme scheme, ActorKeys keys) {
        return scheme == SignatureScheme.RFC9421_ED25519 && keys.ed25519() == null ? SignatureScheme.RFC9421 : scheme;
    }

    private OutboundResponse sendOnce(String method, URI uri, HttpFields headers, SignedBody body, ActorKeys keys,
                                      SignatureScheme scheme) {
        HttpMessage message = HttpMessage.request(method, uri, headers.copy(), body == null ? null : body.bytes());
        SigningKey key = scheme == SignatureScheme.RFC9421_ED25519 ? keys.ed25519() : keys.rsa();
        signer.sign(message, key, scheme, body == null ? SignedBody.of(null) : body);
        return body == null ? http.get(uri, message.fields()) : http.post(uri, message.fields(), body.bytes());
    }

    private static boolean refused(OutboundResponse response) {
        return response.status() == 401 || response.status() == 403;
    }
}
