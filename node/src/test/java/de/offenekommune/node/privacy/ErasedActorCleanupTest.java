package de.offenekommune.node.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;

/**
 * A citizen followed from Mastodon deletes her account: the Delete goes out signed with her key;
 * while its delivery is still being retried, her followers and keys stay; once it is delivered,
 * the cleanup removes both, and her actor stays a 410 without new keys being made.
 */
class ErasedActorCleanupTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Fediverse fediverse;
    private static RemoteMastodon mastodon;

    @BeforeAll
    static void start() {
        node = TestNode.start("Cdorf", Map.of());
        cast = Fixtures.musterstadt(node);
        fediverse = new Fediverse();
        mastodon = fediverse.mastodon("social.test");
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static long count(String sql, Object... params) {
        return node.sql().count(sql, params);
    }

    @Test
    void followersAndKeysGoOnlyAfterTheDeleteWasDelivered() {
        String anna = node.url("/profil/anna");
        ActorKeys frieda = mastodon.actor("frieda");
        ObjectNode follow = Fediverse.fixture("follow.json");
        follow.put("id", mastodon.actorId("frieda") + "#follows/1").put("actor", mastodon.actorId("frieda"))
                .put("object", anna);
        assertEquals(202, fediverse.post(node, "/inbox", follow, frieda).status());
        Fediverse.await("Frieda follows Anna", () -> count(
                "SELECT count(*) FROM fed_follower WHERE local_actor = ? AND state = 'accepted'", anna) == 1);
        Fediverse.await("the Accept was delivered", () -> fediverse.deliveredActivities("social.test").stream()
                .anyMatch(a -> a.path("type").asText().equals("Accept")));
        assertEquals(1, count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", anna));

        // Mastodon is down: the Delete waits for its retry.
        StubMapping down = fediverse.wireMock().stubFor(WireMock.post(urlPathMatching("(/users/[^/]+)?/inbox"))
                .withHost(equalTo("social.test")).atPriority(0).willReturn(aResponse().withStatus(503)));
        TestBrowser browser = node.browser().signIn("anna@example.org", Fixtures.PASSWORD);
        assertEquals(303, browser.submit("/konto/loeschen", "/konto/loeschen", Map.of("password", Fixtures.PASSWORD))
                .status());
        Fediverse.await("the Delete was tried once", () -> count("""
                SELECT count(*) FROM fed_delivery d JOIN fed_outbound_activity o ON o.id = d.activity
                WHERE o.sender_actor = ? AND d.state = 'queued' AND d.attempts > 0""", anna) == 1);
        ErasedActorCleanup cleanup = ErasedActorCleanup.create(node.components());
        assertEquals(0, cleanup.runOnce(), "a delivery of Anna's is still queued");
        assertEquals(1, count("SELECT count(*) FROM fed_follower WHERE local_actor = ?", anna));
        assertEquals(1, count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", anna));

        // Mastodon is back; the retry (brought forward) delivers the Delete, signed with Anna's key.
        fediverse.wireMock().removeStub(down);
        node.sql().update("UPDATE fed_delivery SET next_attempt_at = now() WHERE state = 'queued'");
        node.components().activityPub().federation().deliveryWorker().wakeUp();
        Fediverse.await("the Delete reached Mastodon", () -> fediverse.deliveredActivities("social.test").stream()
                .anyMatch(a -> a.path("type").asText().equals("Delete") && a.path("object").asText().equals(anna)));
        Fediverse.await("the delivery is recorded", () -> count("""
                SELECT count(*) FROM fed_delivery d JOIN fed_outbound_activity o ON o.id = d.activity
                WHERE o.sender_actor = ? AND d.state = 'queued'""", anna) == 0);

        assertEquals(1, cleanup.runOnce());
        assertEquals(0, count("SELECT count(*) FROM fed_follower WHERE local_actor = ?", anna));
        assertEquals(0, count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", anna));
        assertEquals(1, count("SELECT count(*) FROM ap_erased_actor WHERE actor_uri = ? AND cleaned_at IS NOT NULL",
                anna));
        assertEquals(0, cleanup.runOnce(), "nothing left to do");
        assertEquals(410, fediverse.getJson(anna).status());
        assertEquals(0, count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", anna),
                "the Tombstone is served without making new keys");
        assertEquals(0, count("SELECT count(*) FROM fed_follower WHERE local_actor = ?", anna));
        var keys = node.components().activityPub().keys();
        assertTrue(keys.keysIfLive(anna).isEmpty(), "no new keys for a deleted actor");
        assertTrue(keys.keysOf(anna).isEmpty(), "nothing can be signed as Anna any more");
        assertThrows(IllegalStateException.class, () -> keys.keys(anna));
        assertEquals(0, count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", anna));
        assertTrue(keys.keysIfLive(node.url("/profil/ben")).isPresent(), "a living actor's keys are made as before");
    }

    @Test
    void aDeletedOrganisationsStatementsStayWithoutAProofOnceItsKeysAreGone() {
        Account holder = node.components().accounts().createConfirmed("verein@org.example", "Vera Verein", "vera",
                Fixtures.PASSWORD, Role.CITIZEN);
        Organisation verein = Verifications.verifiedOrganisation(node, cast.admin(), holder, "Heimatverein Cdorf",
                "heimatverein.test");
        String actor = node.url(verein.path());
        long proposal = Fixtures.proposal(node, cast.carla(), "Mehr Bänke am Fluss", cast.bauamt());
        TestBrowser writer = node.browser().signIn(holder.email(), Fixtures.PASSWORD);
        assertEquals(303, writer.submit("/vorschlaege/" + proposal, "/stellungnahmen", Map.of("art", "proposal",
                "ziel", String.valueOf(proposal), "stellungnahme", "Wir stellen zehn Bänke auf.")).status());
        long statement = node.sql().count("SELECT id FROM statement WHERE target_id = ?", proposal);
        String note = node.url("/stellungnahmen/" + statement);
        assertTrue(ActivityJson.parse(fediverse.getJson(note).body()).has("proof"), "signed while it lives");

        assertEquals(303, writer.submit("/konto/loeschen", "/konto/loeschen", Map.of("password", Fixtures.PASSWORD))
                .status());
        Fediverse.await("the organisation's activities are relayed", () -> count(
                "SELECT count(*) FROM ap_activity WHERE actor_uri = ? AND relayed_at IS NULL", actor) == 0);
        ErasedActorCleanup cleanup = ErasedActorCleanup.create(node.components());
        Fediverse.await("the cleanup removed its keys", () -> {
            cleanup.runOnce();
            return count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", actor) == 0;
        });

        Fediverse.Answer served = fediverse.getJson(note);
        assertEquals(200, served.status(), "an organisation's public statement stays");
        ObjectNode json = ActivityJson.parse(served.body());
        assertEquals("Wir stellen zehn Bänke auf.", Jsoup.parse(json.path("content").asText()).text());
        assertEquals(actor, json.path("attributedTo").asText());
        assertFalse(json.has("proof"), "no proof by a key nobody can fetch any more");
        assertEquals(0, count("SELECT count(*) FROM ap_actor_key WHERE actor_uri = ?", actor), "and no new keys");
        assertEquals(410, fediverse.getJson(actor).status());
    }
}
