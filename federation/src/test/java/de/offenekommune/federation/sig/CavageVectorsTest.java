package de.offenekommune.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.testing.HttpFiles;
import de.offenekommune.federation.testing.SharedFiles;

/** draft-cavage-12 Appendix C.1-C.3: signing strings, signatures and verification. */
class CavageVectorsTest {
    private static final Path DIR = SharedFiles.testvectors().resolve("cavage-12");
    private static final Instant DATE = Instant.parse("2014-01-05T21:31:40Z");

    @ParameterizedTest
    @CsvSource({
        "C.1-default-test, signature-header-value.txt",
        "C.2-basic-test, authorization-header-value.txt",
        "C.3-all-headers-test, ''"
    })
    void appendixCSigningStringsSignaturesAndVerification(String vector, String headerFile) throws Exception {
        HttpMessage request = HttpFiles.read(DIR.resolve("test-request.http"));
        String header = headerFile.isEmpty() ? c3Header() : Files.readString(DIR.resolve(vector).resolve(headerFile));
        request.fields().set(header.startsWith("Signature ") ? "authorization" : "signature", header);
        CavageSignatureHeader parsed = CavageSignatureHeader.from(request.fields()).orElseThrow();
        String expectedString = Files.readString(DIR.resolve(vector).resolve("signing-string.txt"));

        byte[] signingString = CavageSigningString.build(request, parsed.headers(), null, null);
        var privateKey = Rsa.parsePrivate(Files.readString(DIR.resolve("keys/Test.private.pem")));
        byte[] ourSignature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(new SigningKey.Rsa("Test", privateKey), signingString);
        SignatureCheck check = verifier().verify(request);

        assertEquals(expectedString, new String(signingString, StandardCharsets.UTF_8));
        assertArrayEquals(Base64.getDecoder().decode(parsed.signature()), ourSignature);
        var verified = assertInstanceOf(SignatureCheck.Verified.class, check, () -> check.toString());
        assertEquals(SignatureScheme.CAVAGE, verified.scheme());
        assertEquals("Test", verified.key().keyId());
    }

    @ParameterizedTest
    @CsvSource({"C.2-basic-test, authorization-header-value.txt", "C.3-all-headers-test, ''"})
    void aChangedSignedHeaderBreaksTheSignature(String vector, String headerFile) throws Exception {
        HttpMessage request = HttpFiles.read(DIR.resolve("test-request.http"));
        String header = headerFile.isEmpty() ? c3Header() : Files.readString(DIR.resolve(vector).resolve(headerFile));
        request.fields().set(header.startsWith("Signature ") ? "authorization" : "signature", header);
        request.fields().set("host", "example.org");

        var rejected = assertInstanceOf(SignatureCheck.Rejected.class, verifier().verify(request));

        assertEquals(SignatureFailure.INVALID_SIGNATURE, rejected.failure());
    }

    private static String c3Header() throws Exception {
        // SOURCES.md: C.3 prints no usable header; the signature belongs to this header list.
        return "keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date content-type digest content-length\","
                + "signature=\"" + Files.readString(DIR.resolve("C.3-all-headers-test/signature.b64")).strip() + "\"";
    }

    private static HttpSignatureVerifier verifier() throws Exception {
        var key = new KeyMaterial.Rsa(Rsa.parsePublic(Files.readString(DIR.resolve("keys/Test.public.pem"))));
        return new HttpSignatureVerifier((keyId, refresh) -> new KeyResolution.Found(
                new VerificationKey(keyId, "test", key, DATE)), SignaturePolicy.testVectors(Clock.fixed(DATE, ZoneOffset.UTC)));
    }
}
