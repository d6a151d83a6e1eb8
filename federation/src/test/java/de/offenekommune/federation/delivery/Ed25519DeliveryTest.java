package de.offenekommune.federation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSignatureVerifier;
import de.offenekommune.federation.sig.KeyMaterial;
import de.offenekommune.federation.sig.KeyResolution;
import de.offenekommune.federation.sig.SignatureCheck;
import de.offenekommune.federation.sig.SignatureFailure;
import de.offenekommune.federation.sig.SignaturePolicy;
import de.offenekommune.federation.sig.VerificationKey;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActorDocument;
import de.offenekommune.federation.vocab.Capabilities;

/**
 * Which key signs a delivery: a server whose actor document advertises RFC 9421 Ed25519 (FEP-844e)
 * gets Ed25519 signatures that verify with the Multikey our actor publishes; a server that says
 * nothing gets RSA; one that advertises it but refuses such a signature gets the delivery again with
 * RSA and RSA from then on.
 */
class Ed25519DeliveryTest {
    private final ActorKeys town = ActorKeys.generate("http://town.test/kommune");
    private final FederationRig rig = new FederationRig("ed25519_delivery",
            b -> b.localKeys(id -> Optional.ofNullable(id.equals(town.actorId()) ? town : null)));

    @AfterEach
    void close() {
        rig.close();
    }

    /** A follower on {@code host}, its actor served with or without the advertisement; returns its id. */
    private String follower(String host, boolean advertises) {
        RemoteMastodon server = rig.mastodon(host);
        ActorKeys keys = ActorKeys.generate(server.actorId("bob"));
        ActorDocument.Builder doc = ActorDocument.builder(keys.actorId(), "Person").preferredUsername("bob")
                .inbox(keys.actorId() + "/inbox").sharedInbox(server.base() + "/inbox")
                .rsaKey(keys.rsa().keyId(), keys.rsaPublicKey());
        if (advertises) {
            doc.implementing(Capabilities.OURS);
        }
        server.serve("bob", doc.build());
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).withHost(equalTo(host)).atPriority(5)
                .willReturn(aResponse().withStatus(202)));
        return keys.actorId();
    }

    private void deliver(String actorId, String activityId) {
        ObjectNode note = DeliveryRig.note(town, activityId);
        rig.federation.outbox().enqueue(town.actorId(), note, Audience.actors(List.of(actorId)));
        rig.federation.deliveryWorker().drain();
    }

    private List<LoggedRequest> postsTo(String host) {
        return rig.wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/inbox"))
                .withHeader("Host", containing(host)));
    }

    @Test
    void aServerThatAdvertisesEd25519GetsEd25519SignaturesThatVerify() {
        String bob = follower("okn.test", true);

        deliver(bob, "http://town.test/notes/1");

        List<LoggedRequest> posts = postsTo("okn.test");
        assertEquals(1, posts.size());
        String input = posts.getFirst().getHeader("Signature-Input");
        assertTrue(input.contains("alg=\"ed25519\""), input);
        assertTrue(input.contains("keyid=\"" + town.ed25519().keyId() + "\""), input);
        SignatureCheck check = verify(posts.getFirst());
        assertInstanceOf(SignatureCheck.Verified.class, check, check::toString);
        assertEquals("true", rig.string("SELECT rfc9421_ed25519::text FROM fed_host WHERE host = 'okn.test'").orElseThrow());
        assertEquals(1, rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'delivered'"));
    }

    @Test
    void aServerThatSaysNothingGetsRsa() {
        String bob = follower("mastodon.test", false);

        deliver(bob, "http://town.test/notes/2");

        String input = postsTo("mastodon.test").getFirst().getHeader("Signature-Input");
        assertFalse(input.contains("alg="), input);
        assertTrue(input.contains("keyid=\"" + town.rsa().keyId() + "\""), input);
    }

    @Test
    void aServerThatRefusesEd25519GetsTheDeliveryWithRsaAndRsaFromThenOn() {
        String bob = follower("odd.test", true);
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).withHost(equalTo("odd.test")).atPriority(1)
                .withHeader("Signature-Input", containing("alg=\"ed25519\"")).willReturn(aResponse().withStatus(401)));

        deliver(bob, "http://town.test/notes/3");
        rig.federation.remoteActors().fetchActor(bob); // advertises again: the refusal stands
        deliver(bob, "http://town.test/notes/4");

        List<String> inputs = postsTo("odd.test").stream().map(r -> r.getHeader("Signature-Input")).toList();
        assertEquals(3, inputs.size(), inputs.toString());
        assertTrue(inputs.get(0).contains("alg=\"ed25519\""), inputs.get(0));
        assertFalse(inputs.get(1).contains("alg="), inputs.get(1));
        assertFalse(inputs.get(2).contains("alg="), inputs.get(2));
        assertEquals(2, rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'delivered'"));
        assertEquals("false", rig.string("SELECT rfc9421_ed25519::text FROM fed_host WHERE host = 'odd.test'").orElseThrow());
    }

    private SignatureCheck verify(LoggedRequest request) {
        HttpFields fields = HttpFields.create();
        request.getHeaders().all().forEach(h -> h.values().forEach(v -> fields.add(h.key(), v)));
        HttpMessage message = HttpMessage.request("POST", URI.create(request.getAbsoluteUrl().replace("127.0.0.1",
                "okn.test")), fields, request.getBody());
        VerificationKey key = new VerificationKey(town.ed25519().keyId(), town.actorId(),
                new KeyMaterial.Ed(town.ed25519().key().publicKey()), rig.clock.instant());
        return new HttpSignatureVerifier((id, refresh) -> id.equals(key.keyId()) ? new KeyResolution.Found(key)
                : new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, id), SignaturePolicy.federation(rig.clock))
                .verify(message);
    }
}
