package de.offenekommune.federation.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.vocab.Reference;

/** The inbox's good paths: both signature generations, persist before 202, dispatch, dedup. */
class InboxPipelineTest {
    private final InboxTestSupport t = new InboxTestSupport("inbox_pipeline");

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aCavageSignedMastodonLikeIsStoredBeforeTheAnswerAndDispatchedAfter() {
        ActorKeys alice = t.mastodon.actor("alice");
        ObjectNode like = t.like(alice.actorId(), t.mastodon.base() + "/users/alice#likes/1");

        FederationRig.Answer answer = t.rig.postSigned(like, alice, SignatureScheme.CAVAGE);

        assertEquals(202, answer.status(), answer.body());
        assertEquals(1, t.stored());
        assertEquals(0, t.handled.size());
        assertEquals(1, t.rig.federation.inboxDispatcher().runOnce());
        InboxActivity received = t.handled.getFirst();
        assertEquals("Like", received.type());
        assertEquals(alice.actorId(), received.signer().actorId());
        assertEquals(alice.rsa().keyId(), received.signer().keyId());
        assertEquals(new Reference.Iri("http://town.test/proposals/1"), received.activity().object());
        assertEquals("processed", t.rig.string("SELECT state FROM fed_inbox_activity").orElseThrow());
    }

    @Test
    void anRfc9421SignedActivityIsAcceptedToo() {
        ActorKeys alice = t.mastodon.actor("alice");

        var answer = t.rig.postSigned(t.like(alice.actorId(), t.mastodon.base() + "/likes/9421"), alice, SignatureScheme.RFC9421);

        assertEquals(202, answer.status(), answer.body());
        assertEquals(1, t.stored());
    }

    @Test
    void theSameActivityTwiceHasOneEffect() {
        ActorKeys alice = t.mastodon.actor("alice");
        ObjectNode like = t.like(alice.actorId(), t.mastodon.base() + "/likes/twice");

        var first = t.rig.postSigned(like, alice, SignatureScheme.CAVAGE);
        var second = t.rig.postSigned(like, alice, SignatureScheme.CAVAGE);
        t.rig.federation.inboxDispatcher().runOnce();

        assertEquals(202, first.status());
        assertEquals(202, second.status());
        assertTrue(second.body().contains("already received"), second.body());
        assertEquals(1, t.stored());
        assertEquals(1, t.handled.size());
    }

    @Test
    void theActorIsFetchedOnceAndItsKeyReusedFromMemory() {
        ActorKeys alice = t.mastodon.actor("alice");

        for (int i = 0; i < 3; i++) {
            assertEquals(202, t.rig.postSigned(t.like(alice.actorId(), t.mastodon.base() + "/likes/" + i), alice,
                    SignatureScheme.CAVAGE).status());
        }

        t.rig.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/users/alice")));
        assertEquals(1, t.rig.count("SELECT count(*) FROM fed_remote_key WHERE actor_id = ?", alice.actorId()));
    }

    @Test
    void aRotatedKeyIsPickedUpByOneRefetch() {
        ActorKeys old = t.mastodon.actor("alice");
        assertEquals(202, t.rig.postSigned(t.like(old.actorId(), t.mastodon.base() + "/likes/a"), old, SignatureScheme.CAVAGE).status());
        ActorKeys rotated = t.mastodon.actor("alice");
        t.rig.clock.advance(java.time.Duration.ofMinutes(5));

        var answer = t.rig.postSigned(t.like(rotated.actorId(), t.mastodon.base() + "/likes/b"), rotated, SignatureScheme.CAVAGE);

        assertEquals(202, answer.status(), answer.body());
        t.rig.wireMock.verify(2, getRequestedFor(urlPathEqualTo("/users/alice")));
    }

    @Test
    void anUnsupportedTypeIsAcknowledgedAndDropped() {
        ActorKeys alice = t.mastodon.actor("alice");
        ObjectNode listen = t.like(alice.actorId(), t.mastodon.base() + "/listens/1").put("type", "Listen");

        var answer = t.rig.postSigned(listen, alice, SignatureScheme.CAVAGE);

        assertEquals(202, answer.status());
        assertTrue(answer.body().contains("not processed"), answer.body());
        assertEquals(0, t.stored());
    }

    @Test
    void anAnnounceOfAForeignObjectPassesOnlyTheObjectsId() {
        ActorKeys alice = t.mastodon.actor("alice");
        ObjectNode announce = t.mastodon.fixtureMovedHere("mastodon/announce-private-embedded.json", "http://mastodon.example.org");
        announce.remove("signature");
        announce.put("id", t.mastodon.base() + "/users/alice/statuses/1/activity").put("actor", alice.actorId());
        ((ObjectNode) announce.get("object")).put("id", "http://other.test/notes/1").put("attributedTo", "http://other.test/users/x");

        var answer = t.rig.postSigned(announce, alice, SignatureScheme.CAVAGE);
        t.rig.federation.inboxDispatcher().runOnce();

        assertEquals(202, answer.status(), answer.body());
        assertInstanceOf(Reference.Iri.class, t.handled.getFirst().activity().object());
        assertEquals("http://other.test/notes/1", t.handled.getFirst().activity().object().id());
    }

    @Test
    void aPersonalInboxKnowsItsOwnerAndUnknownInboxesAre404() throws Exception {
        ActorKeys alice = t.mastodon.actor("alice");
        ObjectNode follow = t.mastodon.fixtureMovedHere("mastodon/follow.json", "https://masto.asonix.dog");
        follow.put("id", t.mastodon.base() + "/follows/1").put("actor", alice.actorId()).put("object", "http://town.test/users/anna");
        var personal = de.offenekommune.federation.sig.HttpMessage.request("POST",
                java.net.URI.create("http://127.0.0.1:" + t.rig.server.port() + "/users/anna/inbox"),
                de.offenekommune.federation.sig.HttpFields.create().set("content-type", "application/activity+json"),
                de.offenekommune.federation.vocab.ActivityJson.write(follow));
        new de.offenekommune.federation.sig.HttpSigner(t.rig.clock).signCavage(personal, alice.rsa());
        var unknown = de.offenekommune.federation.sig.HttpMessage.request("POST",
                java.net.URI.create("http://127.0.0.1:" + t.rig.server.port() + "/users/nobody/inbox"),
                de.offenekommune.federation.sig.HttpFields.create(), personal.body());

        assertEquals(202, t.rig.post(personal).status());
        assertEquals(404, t.rig.post(unknown).status());
        t.rig.federation.inboxDispatcher().runOnce();
        assertEquals("http://town.test/users/anna", t.handled.getFirst().inboxOwner());
    }

    @Test
    void aFailingHandlerIsRetriedLaterNotLost() {
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        t.rig.federation.inboxHandlers().on("Block", activity -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database busy");
            }
        });
        ActorKeys alice = t.mastodon.actor("alice");
        ObjectNode block = t.like(alice.actorId(), t.mastodon.base() + "/blocks/1").put("type", "Block");
        assertEquals(202, t.rig.postSigned(block, alice, SignatureScheme.CAVAGE).status());

        assertEquals(1, t.rig.federation.inboxDispatcher().runOnce());
        assertEquals(0, t.rig.federation.inboxDispatcher().runOnce());
        t.rig.clock.advance(java.time.Duration.ofMinutes(2));
        assertEquals(1, t.rig.federation.inboxDispatcher().runOnce());

        assertEquals(2, attempts.get());
        assertEquals("processed", t.rig.string("SELECT state FROM fed_inbox_activity").orElseThrow());
    }
}
