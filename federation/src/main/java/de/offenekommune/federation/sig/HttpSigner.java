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
 * Digest or Content-Digest) to the message's fields, then the signature fields.
 */
public final class HttpSigner {
    private final Clock clock;

    public HttpSigner(Clock clock) {
        this.clock = clock;
    }

    /** draft-cavage-12 as Mastodon expects it: {@code (request-target) host date [digest content-type]}. */
    public void signCavage(HttpMessage request, SigningKey key) {
        HttpFields fields = request.fields();
        fields.set("host", Origin.of(request.targetUri()).authority());
        fields.set("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        List<String> headers = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (request.hasBody() || request.method().equals("POST")) {
            fields.set("digest", BodyDigest.digestHeader(request.body()));
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

    /** RFC 9421 covering {@code @method @target-uri [content-digest]} with created and keyid. */
    public void signRfc9421(HttpMessage request, SigningKey key) {
        HttpFields fields = request.fields();
        fields.set("host", Origin.of(request.targetUri()).authority());
        List<StructuredFields.Item> components = new ArrayList<>();
        components.add(new StructuredFields.Item("@method", Map.of()));
        components.add(new StructuredFields.Item("@target-uri", Map.of()));
        if (request.hasBody() || request.method().equals("POST")) {
            fields.set("content-digest", BodyDigest.contentDigestHeader(request.body()));
            components.add(new StructuredFields.Item("content-digest", Map.of()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", clock.instant().getEpochSecond());
        params.put("keyid", key.keyId());
        byte[] base = Rfc9421SignatureBase.build(request, components, params);
        byte[] signature = SignatureAlgorithm.impliedBy(key).sign(key, base);
        fields.set("signature-input", "sig1=" + StructuredFields.serializeInnerList(components, params));
        fields.set("signature", "sig1=" + StructuredFields.serializeBare(signature));
    }

    public void sign(HttpMessage request, SigningKey key, SignatureScheme scheme) {
        if (scheme == SignatureScheme.RFC9421) {
            signRfc9421(request, key);
        } else {
            signCavage(request, key);
        }
    }
}
