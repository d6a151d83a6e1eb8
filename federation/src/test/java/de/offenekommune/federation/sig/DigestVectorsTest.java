package de.offenekommune.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.offenekommune.federation.testing.SharedFiles;

/** RFC 9530 sample digests, and the checks the verifiers build on them. */
class DigestVectorsTest {

    static Stream<Arguments> vectors() throws Exception {
        JsonNode list = new ObjectMapper().readTree(
                Files.readString(SharedFiles.testvectors().resolve("rfc9530/digest-vectors.json")));
        return Stream.of(list).flatMap(l -> java.util.stream.StreamSupport.stream(l.spliterator(), false))
                .map(v -> Arguments.of(v.get("algorithm").asText(), v.get("content_utf8").asText(), v.get("expected").asText()));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("vectors")
    void everyRfc9530SampleValueIsReproduced(String algorithm, String content, String expected) {
        byte[] digest = DigestAlgorithm.byKey(algorithm).orElseThrow().digest(content.getBytes(StandardCharsets.UTF_8));

        assertEquals(expected, ":" + Base64.getEncoder().encodeToString(digest) + ":");
    }

    @Test
    void contentDigestWithTheRfcValueMatchesAndATamperedBodyDoesNot() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        var fields = HttpFields.create().add("Content-Digest",
                "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:");

        assertInstanceOf(BodyDigest.Check.Matches.class, BodyDigest.checkContentDigest(fields, body));
        assertInstanceOf(BodyDigest.Check.Mismatch.class,
                BodyDigest.checkContentDigest(fields, "{\"hello\": \"world!\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void legacyDigestAcceptsOnlySecureAlgorithms() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

        assertInstanceOf(BodyDigest.Check.Matches.class, BodyDigest.checkDigest(
                HttpFields.create().add("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="), body));
        assertInstanceOf(BodyDigest.Check.Unusable.class, BodyDigest.checkDigest(
                HttpFields.create().add("Digest", "MD5=Sd/dVLAcvNLSq16eXua5uQ=="), body));
        assertInstanceOf(BodyDigest.Check.Unusable.class, BodyDigest.checkContentDigest(
                HttpFields.create().add("Content-Digest", "md5=:Sd/dVLAcvNLSq16eXua5uQ==:"), body));
    }
}
