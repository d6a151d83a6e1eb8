package de.offenekommune.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Pem;
import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.testing.HttpFiles;
import de.offenekommune.federation.testing.SharedFiles;

/** RFC 9421 Appendix B.2.1-B.2.6 and B.4, verified (and re-signed where deterministic) by our code. */
class Rfc9421VectorsTest {
    private static final Path DIR = SharedFiles.testvectors().resolve("rfc9421");
    private static final Instant CREATED = Instant.ofEpochSecond(1618884473);
    private static final SignaturePolicy POLICY = SignaturePolicy.testVectors(Clock.fixed(CREATED, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({
        "B.2.1-minimal-rsa-pss-sha512, test-request.http, rsa-pss",
        "B.2.2-selective-rsa-pss-sha512, test-request.http, rsa-pss",
        "B.2.3-full-coverage-rsa-pss-sha512, test-request.http, rsa-pss",
        "B.2.4-response-ecdsa-p256-sha256, test-response.http, ecc-p256",
        "B.2.5-hmac-sha256, test-request.http, shared-secret",
        "B.2.6-ed25519, test-request.http, ed25519"
    })
    void appendixB2SignaturesVerifyAndTheirBasesMatch(String vector, String messageFile, String key) throws Exception {
        HttpMessage message = signedMessage(vector, messageFile);
        String expectedBase = Files.readString(DIR.resolve(vector).resolve("signature-base.txt"));

        SignatureCheck check = verifier(key).verify(message);

        var verified = assertInstanceOf(SignatureCheck.Verified.class, check, () -> check.toString());
        assertEquals(SignatureScheme.RFC9421, verified.scheme());
        assertEquals(expectedBase, new String(baseOf(message), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"B.2.2-selective-rsa-pss-sha512", "B.2.3-full-coverage-rsa-pss-sha512", "B.2.6-ed25519"})
    void aChangedCoveredPartBreaksTheSignature(String vector) throws Exception {
        HttpMessage message = signedMessage(vector, "test-request.http");
        HttpMessage tampered = HttpMessage.request(message.method(),
                java.net.URI.create("https://example.com/foo?param=Value&Pet=cat"), message.fields(), message.body());
        tampered.fields().set("date", "Tue, 20 Apr 2021 02:07:56 GMT");
        tampered.fields().set("content-length", "19");
        String key = vector.contains("ed25519") ? "ed25519" : "rsa-pss";

        SignatureCheck check = verifier(key).verify(tampered);

        var rejected = assertInstanceOf(SignatureCheck.Rejected.class, check);
        assertEquals(SignatureFailure.INVALID_SIGNATURE, rejected.failure());
    }

    @Test
    void hmacAndEd25519AreDeterministicSoOurSignaturesEqualTheRfcs() throws Exception {
        byte[] hmacBase = Files.readAllBytes(DIR.resolve("B.2.5-hmac-sha256/signature-base.txt"));
        byte[] edBase = Files.readAllBytes(DIR.resolve("B.2.6-ed25519/signature-base.txt"));
        byte[] secret = Base64.getDecoder().decode(Files.readString(DIR.resolve("keys/test-shared-secret.b64")).strip());
        var edKey = Ed25519.fromPrivatePem(Files.readString(DIR.resolve("keys/test-key-ed25519.private.pem")));

        byte[] hmac = SignatureAlgorithm.HMAC_SHA256.sign(new SigningKey.Hmac("test-shared-secret", secret), hmacBase);
        byte[] ed = SignatureAlgorithm.ED25519.sign(new SigningKey.Ed("test-key-ed25519", edKey), edBase);

        assertArrayEquals(signatureBytes("B.2.5-hmac-sha256"), hmac);
        assertArrayEquals(signatureBytes("B.2.6-ed25519"), ed);
    }

    @ParameterizedTest
    @CsvSource({
        "original-request.http, true",
        "transformed-valid-1-added-header-and-query.http, true",
        "transformed-valid-2-removed-date-added-referer-collapsed-accept.http, true",
        "transformed-valid-3-reordered-fields.http, true",
        "transformed-invalid-1-changed-method-and-authority.http, false",
        "transformed-invalid-2-swapped-accept-order.http, false"
    })
    void appendixB4TransformationsKeepOrBreakTheSignatureAsTheRfcSays(String file, boolean valid) throws Exception {
        HttpMessage message = HttpFiles.read(DIR.resolve("B.4-transformations-ed25519").resolve(file));

        SignatureCheck check = verifier("ed25519").verify(message);

        if (valid) {
            assertInstanceOf(SignatureCheck.Verified.class, check, () -> check.toString());
        } else {
            assertEquals(SignatureFailure.INVALID_SIGNATURE, assertInstanceOf(SignatureCheck.Rejected.class, check).failure());
        }
    }

    private static HttpMessage signedMessage(String vector, String messageFile) throws Exception {
        HttpMessage message = HttpFiles.read(DIR.resolve("messages").resolve(messageFile));
        if (!message.isRequest()) {
            // Caveat (a) of SOURCES.md: the response's printed Content-Digest is wrong; the signed one is right.
            message.fields().set("content-digest",
                    "sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:");
        }
        message.fields().set("signature-input", Files.readString(DIR.resolve(vector).resolve("signature-input.txt")));
        message.fields().set("signature", Files.readString(DIR.resolve(vector).resolve("signature.txt")));
        return message;
    }

    private static byte[] baseOf(HttpMessage message) {
        var input = StructuredFields.parseDictionary(message.fields().first("signature-input").orElseThrow())
                .values().iterator().next();
        return Rfc9421SignatureBase.build(message, input.innerList(), input.params());
    }

    private static byte[] signatureBytes(String vector) throws Exception {
        var signature = StructuredFields.parseDictionary(Files.readString(DIR.resolve(vector).resolve("signature.txt")));
        return (byte[]) signature.values().iterator().next().item();
    }

    static HttpSignatureVerifier verifier(String key) throws Exception {
        KeyMaterial material = keyMaterial(key);
        // B.1.2: test-key-rsa-pss is bound to RSASSA-PSS; the signatures do not say so themselves.
        SignatureAlgorithm bound = key.equals("rsa-pss") ? SignatureAlgorithm.RSA_PSS_SHA512 : null;
        return new HttpSignatureVerifier((keyId, refresh) -> new KeyResolution.Found(
                new VerificationKey(keyId, "test", material, bound, CREATED)), POLICY);
    }

    private static KeyMaterial keyMaterial(String key) throws Exception {
        Path keys = DIR.resolve("keys");
        return switch (key) {
            case "rsa-pss" -> new KeyMaterial.Rsa(Rsa.parsePublic(Files.readString(keys.resolve("test-key-rsa-pss.public.pem"))));
            case "rsa" -> new KeyMaterial.Rsa(Rsa.parsePublic(Files.readString(keys.resolve("test-key-rsa.public.pem"))));
            case "ecc-p256" -> new KeyMaterial.Ec((ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Pem.decode(Files.readString(keys.resolve("test-key-ecc-p256.public.pem")), "PUBLIC KEY"))));
            case "shared-secret" -> new KeyMaterial.Secret(
                    Base64.getDecoder().decode(Files.readString(keys.resolve("test-shared-secret.b64")).strip()));
            case "ed25519" -> new KeyMaterial.Ed(Ed25519.fromPem(Files.readString(keys.resolve("test-key-ed25519.public.pem"))));
            default -> throw new IllegalArgumentException(key);
        };
    }
}
