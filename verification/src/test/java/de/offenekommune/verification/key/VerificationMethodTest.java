package de.offenekommune.verification.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.jcs.StrictJson;
import de.offenekommune.verification.testing.Vectors;

class VerificationMethodTest {
    private static final URI ALICE = URI.create("https://server.example/users/alice");

    @Test
    void ed25519MultikeyMatchesTheFep521aVector() {
        Ed25519.PublicKey key = Ed25519.publicKey(
                HexFormat.of().parseHex("2e6fcce36701dc791488e0d0b1745cc1e33a4c1c9fcc41c63bd343dbbe0970e6"));
        VerificationMethod method = new VerificationMethod(URI.create(ALICE + "#ed25519-key"), ALICE, key);

        assertEquals(StrictJson.parse("""
                {"id": "https://server.example/users/alice#ed25519-key", "type": "Multikey",
                 "controller": "https://server.example/users/alice",
                 "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}"""), method.toJson());
        assertEquals(method, VerificationMethod.fromJson(method.toJson()));
    }

    @Test
    void controllerDocumentKeepsOnlyEd25519KeysTheActorControls() {
        ObjectNode actor = Vectors.fep8b32Documents().get(3).deepCopy();
        String rsaMultikey = "z4MXj1wBzi9jUstyPMS4jQqB6KdJaiatPkAtVtGc6bQEQEEsKTic4G7Rou3iBf9vPmT5dbkm9qsZsuVNjq8HCuW1w24nhBFGkRE4cd2Uf2tfrB3N7h4mnyPp1BF3ZttHTYv3DLUPi1zMdkULiow3M1GfXkoC6DoxDUm1jmN6GBj22SjVsr6dxezRVQc7aj9TxE7JLbMH1wh5X3kA58H3DFW8rnYMakFGbca5CB2Jf6CnGQZmL7o5uJAdTwXfy2iiiyPxXEGerMhHwhjTA1mKYobyk2CpeEcmvynADfNZ5MBvcCS7m3XkFCMNUYBS9NQ3fze6vMSUPsNa6GVYmKx2x6JrdEjCk3qRMMmyjnjCMfR4pXbRMZa3i";
        actor.withArray("assertionMethod").addObject().put("id", ALICE + "#rsa-key").put("type", "Multikey")
                .put("controller", ALICE.toString()).put("publicKeyMultibase", rsaMultikey);
        actor.withArray("assertionMethod").addObject().put("id", ALICE + "#foreign").put("type", "Multikey")
                .put("controller", "https://other.example/users/eve")
                .put("publicKeyMultibase", Ed25519.generate().publicKey().multibase());
        actor.withArray("assertionMethod").add(ALICE + "#by-reference");

        ControllerDocument document = ControllerDocument.fromActor(actor);

        assertEquals(ALICE, document.id());
        assertEquals(1, document.assertionMethod().size());
        assertTrue(document.assertionMethod(URI.create(ALICE + "#ed25519-key")).isPresent());
        assertEquals(Vectors.vectorPublicKey(), document.assertionMethod().get(0).publicKey());
    }

    @Test
    void aSingleEmbeddedAssertionMethodIsAccepted() {
        ObjectNode actor = Vectors.fep8b32Documents().get(3).deepCopy();
        actor.set("assertionMethod", actor.get("assertionMethod").get(0));

        assertEquals(1, ControllerDocument.fromActor(actor).assertionMethod().size());
    }

    @Test
    void malformedMethodsAndDocumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> VerificationMethod.fromJson(StrictJson.parse(
                "{\"id\":\"https://a.example/u#k\",\"type\":\"JsonWebKey\",\"controller\":\"https://a.example/u\"}")));
        assertThrows(IllegalArgumentException.class, () -> VerificationMethod.fromJson(StrictJson.parse(
                "{\"id\":\"relative#k\",\"type\":\"Multikey\",\"controller\":\"https://a.example/u\","
                        + "\"publicKeyMultibase\":\"z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\"}")));
        assertThrows(IllegalArgumentException.class, () -> ControllerDocument.fromActor(StrictJson.parse("[]")));
        assertThrows(IllegalArgumentException.class, () -> ControllerDocument.fromActor(StrictJson.parse("{\"id\":7}")));
    }

    @Test
    void signingKeysMustMatchTheirMethodAndNeverPrintTheSecret() {
        Ed25519.PrivateKey secret = Ed25519.generate();
        VerificationMethod other = new VerificationMethod(URI.create(ALICE + "#k"), ALICE, Ed25519.generate().publicKey());

        assertThrows(IllegalArgumentException.class, () -> new SigningKey(other, secret));
        SigningKey key = SigningKey.of(ALICE, URI.create(ALICE + "#k"), secret);
        assertEquals("SigningKey[https://server.example/users/alice#k]", key.toString());
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertTrue(Origin.same(URI.create("https://A.example/x#k"), URI.create("https://a.example:443/y")));
        assertEquals(false, Origin.same(URI.create("https://a.example/x"), URI.create("http://a.example/x")));
        assertEquals(false, Origin.same(URI.create("https://a.example/x"), URI.create("https://a.example:8443/x")));
        assertEquals(false, Origin.same(URI.create("urn:uuid:1"), URI.create("urn:uuid:1")));
    }
}
