package de.offenekommune.federation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.FederationRig;

/**
 * Deliveries to a WireMock "Mastodon" that, like Mastodon before 4.5, answers 401 to RFC 9421: the
 * library falls back to draft-cavage, remembers that per host, and the cavage signature and Digest
 * pass a verification written here from the draft, independent of the library's verifier.
 */
class DeliveryToMastodonTest {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final FederationRig rig = new FederationRig("delivery_mastodon", b -> { });
    private final DeliveryRig d = new DeliveryRig(rig.db.dataSource(), rig.clock, rig.resolver);
    private final ActorKeys town = d.localActor("musterstadt");

    @AfterEach
    void close() {
        rig.close();
    }

    private String inbox(String host, String path) {
        return "http://" + host + ":" + rig.wireMock.port() + path;
    }

    @Test
    void cavageSignatureAndDigestVerifyIndependentlyAndTheFallbackIsRemembered() throws Exception {
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).withHeader("Signature-Input", containing("sig1"))
                .willReturn(aResponse().withStatus(401)));
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).withHeader("Signature", containing("keyId="))
                .willReturn(aResponse().withStatus(202)));
        String inbox = inbox("mastodon.test", "/inbox");
        long deliveredBefore = d.metrics.count("federation.delivery.delivered", "mastodon.test");

        d.enqueue(town, "http://town.test/notes/1", List.of(inbox));
        d.worker().drain();
        d.enqueue(town, "http://town.test/notes/2", List.of(inbox));
        d.worker().drain();

        List<LoggedRequest> requests = rig.wireMock.findAll(postRequestedFor(urlPathEqualTo("/inbox")));
        assertEquals(3, requests.size(), "first delivery: RFC 9421 refused, cavage accepted; second: cavage only");
        assertTrue(requests.get(0).containsHeader("Signature-Input"));
        for (LoggedRequest cavage : List.of(requests.get(1), requests.get(2))) {
            verifyLikeMastodon(cavage, town);
        }
        assertEquals("CAVAGE", rig.string("SELECT signature_scheme FROM fed_host WHERE host = 'mastodon.test'").orElseThrow());
        assertEquals(2, rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'delivered'"));
        assertEquals(deliveredBefore + 2, d.metrics.count("federation.delivery.delivered", "mastodon.test"));
    }

    @Test
    void aHostThatAcceptsRfc9421KeepsGettingIt() {
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).willReturn(aResponse().withStatus(202)));
        String inbox = inbox("modern.test", "/inbox");

        d.enqueue(town, "http://town.test/notes/3", List.of(inbox));
        d.worker().drain();

        assertEquals("RFC9421", rig.string("SELECT signature_scheme FROM fed_host WHERE host = 'modern.test'").orElseThrow());
        rig.wireMock.verify(1, postRequestedFor(urlPathEqualTo("/inbox")).withHeader("Content-Digest", containing("sha-256=:")));
    }

    /** draft-cavage-12 section 2.3, Mastodon's header list, SHA-256 Digest: written from the spec, not the library. */
    private static void verifyLikeMastodon(LoggedRequest request, ActorKeys sender) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(request.getHeader("Signature"));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        assertEquals(sender.rsa().keyId(), params.get("keyId"));
        assertEquals("rsa-sha256", params.get("algorithm"));
        List<String> headers = List.of(params.get("headers").split(" "));
        assertTrue(headers.containsAll(List.of("(request-target)", "host", "date", "digest")), headers.toString());
        StringBuilder signingString = new StringBuilder();
        for (String header : headers) {
            String value = header.equals("(request-target)") ? "post " + request.getUrl() : request.getHeader(header);
            signingString.append(signingString.isEmpty() ? "" : "\n").append(header).append(": ").append(value);
        }
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(sender.rsaPublicKey());
        rsa.update(signingString.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(rsa.verify(Base64.getDecoder().decode(params.get("signature"))), "signature verifies");
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(request.getBody()));
        assertEquals(digest, request.getHeader("Digest"));
        var date = ZonedDateTime.parse(request.getHeader("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(Duration.between(date.toInstant(), java.time.Instant.now()).abs().toMinutes() < 60);
        assertTrue(request.getHeader("Host").startsWith("mastodon.test:"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/ld+json"));
    }
}
