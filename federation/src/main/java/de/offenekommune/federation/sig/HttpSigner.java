package de.offenekommune.federation.sig;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.offenekommune.federation.uri.Origin;

/**
 * Signs outgoing requests in either generation. Adds the fields the signature covers (Host, Date,
 * Digest or Content-Digest) to the message's fields, then the signature fields. The digests come from
 * a {@link SignedBody}, so a fan-out hashes its body once, not once per inbox.
 */
public final class HttpSigner {
    private static final List<StructuredFields.Item> GET_COMPONENTS = List.of(component("@method"),
            component("@target-uri"));
    private static final List<StructuredFields.Item> POST_COMPONENTS = List.of(component("@method"),
            component("@target-uri"), component("content-digest"));

    private final Clock clock;

    public HttpSigner(Clock clock) {
        this.clock = clock;
    }

    /** draft-cavage-12 as Mastodon expects it: {@code (request-target) host date [digest content-type]}. */
    public void signCavage(HttpMessage request, SigningKey key) {
        signCavage(request, key, SignedBody.of(request.body()));
    }

    /** As {@link #signCavage(HttpMessage, SigningKey)}, with the body's digest computed before. */
    public void signCavage(HttpMessage request, SigningKey key, SignedBody body) {
        HttpFields fields = request.fields();
        fields.set("host", Origin.of(request.targetUri()).authority());
        fields.set("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        List<String> headers = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (!body.isEmpty() || request.method().equals("POST")) {
            fields.set("digest", body.digestHeader());
            headers.add("digest");
        }
        if (fields.contains("content-type")) {
            headers.add("content-type");
        } else if (fields.contains("accept")) {
            headers.add("accept");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.impliedBy(key);
        byte[] input = CavageSigningString.build(request, headers, null, null);
        String signature = Base64.getEncoder().encodeToString(algorithm.sign(key, input));
        String algorithmName = key instanceof SigningKey.Rsa ? "rsa-sha256" : "hs2019";
        fields.set("signature", new CavageSignatureHeader(key.keyId(), algorithmName, headers, signature, null, null).format());
    }

    /**
     * RFC 9421 covering {@code @method @target-uri [content-digest]} with {@code created} and
     * {@code keyid}; an Ed25519 key also names its algorithm ({@code alg="ed25519"}), an RSA key does
     * not (a verifier takes {@code rsa-v1_5-sha256} from the key, as Mastodon does).
     */
    public void signRfc9421(HttpMessage request, SigningKey key) {
        signRfc9421(request, key, SignedBody.of(request.body()));
    }

    /** As {@link #signRfc9421(HttpMessage, SigningKey)}, with the body's digest computed before. */
    public void signRfc9421(HttpMessage request, SigningKey key, SignedBody body) {
        HttpFields fields = request.fields();
        fields.set("host", Origin.of(request.targetUri()).authority());
        boolean withBody = !body.isEmpty() || request.method().equals("POST");
        if (withBody) {
            fields.set("content-digest", body.contentDigestHeader());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", clock.instant().getEpochSecond());
        params.put("keyid", key.keyId());
        if (key instanceof SigningKey.Ed) {
            params.put("alg", SignatureAlgorithm.ED25519.rfc9421Name());
        }
        signRfc9421(request, key, "sig1", withBody ? POST_COMPONENTS : GET_COMPONENTS, params);
    }

    /**
     * RFC 9421 with the components and parameters given, under {@code label}: the general form the
     * methods above use, and what reproduces the RFC's own examples.
     */
    public static void signRfc9421(HttpMessage request, SigningKey key, String label,
                                   List<StructuredFields.Item> components, Map<String, Object> params) {
        byte[] base = Rfc9421SignatureBase.build(request, components, params);
        byte[] signature = SignatureAlgorithm.impliedBy(key).sign(key, base);
        request.fields().set("signature-input", label + "=" + StructuredFields.serializeInnerList(components, params));
        request.fields().set("signature", label + "=" + StructuredFields.serializeBare(signature));
    }

    public void sign(HttpMessage request, SigningKey key, SignatureScheme scheme) {
        sign(request, key, scheme, SignedBody.of(request.body()));
    }

    /** Signs in the scheme's generation; which key to use (RSA or Ed25519) is the caller's choice. */
    public void sign(HttpMessage request, SigningKey key, SignatureScheme scheme, SignedBody body) {
        if (scheme == SignatureScheme.CAVAGE) {
            signCavage(request, key, body);
        } else {
            signRfc9421(request, key, body);
        }
    }

    private static StructuredFields.Item component(String name) {
        return new StructuredFields.Item(name, Map.of());
    }
}
