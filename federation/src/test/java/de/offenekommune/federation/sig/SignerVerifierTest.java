package de.offenekommune.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our signer and verifier agree for both generations and key types; the policy bites where it should. */
class SignerVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ActorKeys keys = ActorKeys.generate("https://town.example/actors/town");

    private HttpMessage post() {
        return HttpMessage.request("POST", URI.create("https://remote.example/inbox?x=1"),
                HttpFields.create().set("content-type", "application/activity+json"),
                "{\"type\":\"Like\"}".getBytes(StandardCharsets.UTF_8));
    }

    private HttpSignatureVerifier verifier(KeyMaterial material, AtomicInteger lookups) {
        return new HttpSignatureVerifier((keyId, refresh) -> {
            lookups.incrementAndGet();
            return new KeyResolution.Found(new VerificationKey(keyId, keys.actorId(), material, NOW.minusSeconds(3600)));
        }, SignaturePolicy.federation(CLOCK));
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = {"CAVAGE", "RFC9421"})
    void rsaSignaturesOfBothGenerationsVerify(SignatureScheme scheme) {
        HttpMessage request = post();
        new HttpSigner(CLOCK).sign(request, keys.rsa(), scheme);

        var verified = assertInstanceOf(SignatureCheck.Verified.class,
                verifier(new KeyMaterial.Rsa(keys.rsaPublicKey()), new AtomicInteger()).verify(request));

        assertEquals(scheme, verified.scheme());
        assertEquals(keys.actorId(), verified.signer());
    }

    @Test
    void aDateSeenBeforeIsCheckedAgainstTheClockEveryTime() {
        HttpMessage request = post();
        new HttpSigner(CLOCK).signCavage(request, keys.rsa());
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        HttpSignatureVerifier verifier = new HttpSignatureVerifier((keyId, refresh) -> new KeyResolution.Found(
                new VerificationKey(keyId, keys.actorId(), new KeyMaterial.Rsa(keys.rsaPublicKey()), NOW)),
                SignaturePolicy.federation(moving));

        assertInstanceOf(SignatureCheck.Verified.class, verifier.verify(request));
        now.set(NOW.plus(Duration.ofHours(2)));
        var rejected = assertInstanceOf(SignatureCheck.Rejected.class, verifier.verify(request));

        assertEquals(SignatureFailure.OUTSIDE_TIME_WINDOW, rejected.failure(), rejected.toString());
    }

    @Test
    void ed25519Rfc9421SignaturesVerify() {
        HttpMessage request = post();
        new HttpSigner(CLOCK).signRfc9421(request, keys.ed25519());

        var verified = assertInstanceOf(SignatureCheck.Verified.class,
                verifier(new KeyMaterial.Ed(keys.ed25519().key().publicKey()), new AtomicInteger()).verify(request));

        assertEquals("ed25519", verified.algorithm());
    }

    @Test
    void aFailureWithAStaleKeyRefetchesOnceAndOnlyOnce() {
        HttpMessage request = post();
        new HttpSigner(CLOCK).signCavage(request, keys.rsa());
        ActorKeys other = ActorKeys.generate(keys.actorId());
        AtomicInteger lookups = new AtomicInteger();

        var rejected = assertInstanceOf(SignatureCheck.Rejected.class,
                verifier(new KeyMaterial.Rsa(other.rsaPublicKey()), lookups).verify(request));

        assertEquals(SignatureFailure.INVALID_SIGNATURE, rejected.failure());
        assertEquals(2, lookups.get());
    }

    @Test
    void keysShorterThan2048BitsAreTooWeak() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var small = generator.generateKeyPair();
        HttpMessage request = post();
        new HttpSigner(CLOCK).signCavage(request, new SigningKey.Rsa(keys.rsa().keyId(),
                (java.security.interfaces.RSAPrivateCrtKey) small.getPrivate()));

        var rejected = assertInstanceOf(SignatureCheck.Rejected.class, verifier(new KeyMaterial.Rsa(
                (java.security.interfaces.RSAPublicKey) small.getPublic()), new AtomicInteger()).verify(request));

        assertEquals(SignatureFailure.KEY_TOO_WEAK, rejected.failure());
    }

    @Test
    void anExpiredRfc9421SignatureIsRefused() {
        HttpMessage request = post();
        new HttpSigner(CLOCK).signRfc9421(request, keys.rsa());
        String input = request.fields().first("signature-input").orElseThrow();
        request.fields().set("signature-input", input + ";expires=" + NOW.minus(Duration.ofMinutes(1)).getEpochSecond());

        var rejected = assertInstanceOf(SignatureCheck.Rejected.class,
                verifier(new KeyMaterial.Rsa(keys.rsaPublicKey()), new AtomicInteger()).verify(request));

        assertEquals(SignatureFailure.EXPIRED, rejected.failure());
    }

    @Test
    void garbageSignatureHeadersAreMalformedNotErrors() {
        for (String header : new String[] {"sig1=(\"@method\";created=1", "sig1=:@@@:", "((("}) {
            HttpMessage request = post();
            request.fields().set("signature-input", header).set("signature", header);

            var rejected = assertInstanceOf(SignatureCheck.Rejected.class,
                    verifier(new KeyMaterial.Rsa(keys.rsaPublicKey()), new AtomicInteger()).verify(request));

            assertEquals(SignatureFailure.MALFORMED, rejected.failure(), header);
        }
    }
}
