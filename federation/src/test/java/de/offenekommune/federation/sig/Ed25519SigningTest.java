package de.offenekommune.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.testing.HttpFiles;
import de.offenekommune.federation.testing.SharedFiles;

/**
 * Outgoing RFC 9421 signatures with Ed25519: the signer reproduces RFC 9421 appendix B.2.6 byte for
 * byte (Ed25519 is deterministic), and what a delivery carries ({@code alg="ed25519"}, the actor's
 * Multikey as keyid, content-digest covered) passes our own verifier and fails when tampered with.
 */
class Ed25519SigningTest {
    private static final Path DIR = SharedFiles.testvectors().resolve("rfc9421");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ActorKeys keys = ActorKeys.generate("https://town.example/kommune");

    @Test
    void theSignerReproducesAppendixB26() throws Exception {
        HttpMessage message = HttpFiles.read(DIR.resolve("messages/test-request.http"));
        var expected = StructuredFields.parseDictionary(
                Files.readString(DIR.resolve("B.2.6-ed25519/signature-input.txt")).strip()).get("sig-b26");
        var key = new SigningKey.Ed("test-key-ed25519",
                Ed25519.fromPrivatePem(Files.readString(DIR.resolve("keys/test-key-ed25519.private.pem"))));

        HttpSigner.signRfc9421(message, key, "sig-b26", expected.innerList(), new LinkedHashMap<>(expected.params()));

        assertEquals(Files.readString(DIR.resolve("B.2.6-ed25519/signature-input.txt")).strip(),
                message.fields().first("signature-input").orElseThrow());
        assertEquals(Files.readString(DIR.resolve("B.2.6-ed25519/signature.txt")).strip(),
                message.fields().first("signature").orElseThrow());
    }

    @Test
    void aDeliverySignedWithEd25519NamesItsAlgorithmAndMultikeyAndVerifies() {
        HttpMessage request = post("{\"type\":\"Create\"}");
        SignedBody body = SignedBody.of(request.body());
        new HttpSigner(CLOCK).sign(request, keys.ed25519(), SignatureScheme.RFC9421_ED25519, body);

        String input = request.fields().first("signature-input").orElseThrow();
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=" + NOW.getEpochSecond()
                + ";keyid=\"https://town.example/kommune#ed25519-key\";alg=\"ed25519\"", input);
        assertEquals(body.contentDigestHeader(), request.fields().first("content-digest").orElseThrow());
        SignatureCheck check = verifier().verify(request);
        var verified = assertInstanceOf(SignatureCheck.Verified.class, check, check::toString);
        assertEquals(SignatureScheme.RFC9421, verified.scheme());
        assertEquals(keys.actorId(), verified.signer());
    }

    @Test
    void aTamperedBodyOrTargetFailsTheEd25519Signature() {
        HttpMessage request = post("{\"type\":\"Create\"}");
        new HttpSigner(CLOCK).signRfc9421(request, keys.ed25519());
        HttpMessage otherBody = HttpMessage.request("POST", request.targetUri(), request.fields().copy(),
                "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8));
        HttpMessage otherInbox = HttpMessage.request("POST", URI.create("https://elsewhere.example/inbox"),
                request.fields().copy(), request.body());

        assertInstanceOf(SignatureCheck.Rejected.class, verifier().verify(otherBody));
        assertInstanceOf(SignatureCheck.Rejected.class, verifier().verify(otherInbox));
    }

    @Test
    void anRsaKeyStillSignsWithoutAlgAsBefore() {
        HttpMessage request = post("{}");
        new HttpSigner(CLOCK).sign(request, keys.rsa(), SignatureScheme.RFC9421);

        String input = request.fields().first("signature-input").orElseThrow();
        assertFalse(input.contains("alg="), input);
        assertTrue(input.contains("keyid=\"https://town.example/kommune#main-key\""), input);
    }

    @Test
    void aBodyHashedOnceGivesBothGenerationsTheDigestOfTheirBody() {
        SignedBody body = SignedBody.of("{\"type\":\"Create\"}".getBytes(StandardCharsets.UTF_8));
        HttpMessage first = post("{\"type\":\"Create\"}");
        HttpMessage second = post("{\"type\":\"Create\"}");
        new HttpSigner(CLOCK).sign(first, keys.rsa(), SignatureScheme.CAVAGE, body);
        new HttpSigner(CLOCK).sign(second, keys.rsa(), SignatureScheme.RFC9421, body);

        assertEquals(BodyDigest.digestHeader(first.body()), first.fields().first("digest").orElseThrow());
        assertEquals(BodyDigest.contentDigestHeader(second.body()), second.fields().first("content-digest").orElseThrow());
    }

    private static HttpMessage post(String json) {
        return HttpMessage.request("POST", URI.create("https://remote.example/inbox"),
                HttpFields.create().set("content-type", "application/activity+json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpSignatureVerifier verifier() {
        Map<String, VerificationKey> known = Map.of(keys.ed25519().keyId(), new VerificationKey(keys.ed25519().keyId(),
                keys.actorId(), new KeyMaterial.Ed(keys.ed25519().key().publicKey()), NOW.minusSeconds(60)));
        return new HttpSignatureVerifier((keyId, refresh) -> known.containsKey(keyId) ? new KeyResolution.Found(known.get(keyId))
                : new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, keyId), SignaturePolicy.federation(CLOCK));
    }
}
