package de.offenekommune.federation.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Actor;

/** Fetched documents are accepted only with an ActivityPub media type and an id equal to their URL. */
class DereferencerTest {
    private final FederationRig rig = new FederationRig("dereferencer", b -> { });
    private final RemoteMastodon mastodon = rig.mastodon("mastodon.test");
    private final Dereferencer dereferencer = rig.federation.dereferencer();

    @AfterEach
    void close() {
        rig.close();
    }

    private void serve(String path, String contentType, ObjectNode body) {
        rig.wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(ActivityJson.writeString(body))));
    }

    private ObjectNode note(String path) {
        ObjectNode note = RemoteMastodon.fixture("mastodon/note-language.json");
        return note.put("id", mastodon.base() + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/activity+json", "application/activity+json; charset=utf-8",
        "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""})
    void activityPubMediaTypesAreAccepted(String contentType) {
        serve("/notes/1", contentType, note("/notes/1"));

        var found = assertInstanceOf(Dereferenced.Found.class, dereferencer.fetchFresh(mastodon.base() + "/notes/1"));

        assertEquals("Note", found.document().type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/json", "application/ld+json", "image/png", "text/plain"})
    void otherMediaTypesAreRefusedEvenWithValidJson(String contentType) {
        serve("/media/upload.json", contentType, note("/media/upload.json"));

        var failed = assertInstanceOf(Dereferenced.Failed.class, dereferencer.fetchFresh(mastodon.base() + "/media/upload.json"));

        assertEquals(FetchFailure.WRONG_CONTENT_TYPE, failed.failure());
    }

    @Test
    void aDocumentWithAnotherIdIsRefetchedFromThatIdAndDroppedIfItStillDiffers() {
        serve("/notes/claimed", "application/activity+json", note("/notes/real"));
        serve("/notes/real", "application/activity+json", note("/notes/real"));
        serve("/notes/loop-a", "application/activity+json", note("/notes/loop-b"));
        serve("/notes/loop-b", "application/activity+json", note("/notes/loop-c"));

        var refetched = assertInstanceOf(Dereferenced.Found.class, dereferencer.fetchFresh(mastodon.base() + "/notes/claimed"));
        var dropped = assertInstanceOf(Dereferenced.Failed.class, dereferencer.fetchFresh(mastodon.base() + "/notes/loop-a"));

        assertEquals(mastodon.base() + "/notes/real", refetched.document().id());
        rig.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/notes/real")));
        assertEquals(FetchFailure.ID_MISMATCH, dropped.failure());
    }

    @Test
    void anActorLookupNeverReturnsADifferentActor() {
        mastodon.actor("mallory");
        serve("/users/alice", "application/activity+json", mastodon.actorDocument("mallory",
                de.offenekommune.federation.sig.ActorKeys.generate(mastodon.actorId("mallory"))));

        assertTrue(rig.federation.remoteActors().fetchActor(mastodon.actorId("alice")).isEmpty());
    }

    @Test
    void fetchesAreSignedByTheInstanceActorForAuthorizedFetchServers() {
        rig.wireMock.stubFor(get(urlPathEqualTo("/notes/af")).withHeader("Signature", absent())
                .withHeader("Signature-Input", absent()).willReturn(aResponse().withStatus(401)));
        rig.wireMock.stubFor(get(urlPathEqualTo("/notes/af")).withHeader("Signature", containing("sig1="))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/activity+json")
                        .withBody(ActivityJson.writeString(note("/notes/af")))));

        assertInstanceOf(Dereferenced.Found.class, dereferencer.fetchFresh(mastodon.base() + "/notes/af"));

        rig.wireMock.verify(getRequestedFor(urlPathEqualTo("/notes/af"))
                .withHeader("Signature-Input", containing("keyid=\"" + rig.instanceActor.rsa().keyId() + "\"")));
    }

    @Test
    void cachedDocumentsExpire() {
        serve("/notes/c", "application/activity+json", note("/notes/c"));
        String url = mastodon.base() + "/notes/c";

        dereferencer.fetch(url);
        dereferencer.fetch(url);
        rig.clock.advance(Duration.ofMinutes(11));
        dereferencer.fetch(url);

        rig.wireMock.verify(2, getRequestedFor(urlPathEqualTo("/notes/c")));
    }

    @Test
    void actorsAreStoredAndReadBackWithoutRefetching() {
        mastodon.actor("carol");

        Actor first = rig.federation.remoteActors().actor(mastodon.actorId("carol")).orElseThrow();
        Actor second = rig.federation.remoteActors().actor(mastodon.actorId("carol")).orElseThrow();

        assertEquals(mastodon.base() + "/inbox", first.sharedInbox());
        assertEquals(first.inbox(), second.inbox());
        rig.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/users/carol")));
    }
}
