package de.offenekommune.node.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * Two real towns over loopback: a Bedorf citizen supports and comments on an Adorf proposal from
 * home, then deletes the account in Bedorf. Adorf receives the signed {@code Delete} of the actor
 * and erases what it held: the comment (nobody answered it) goes, the support keeps counting
 * anonymously, the cached actor and key go. Deletes of that actor from anyone else change nothing.
 */
class FederatedAccountDeletionTest {
    private static TestNode adorf;
    private static TestNode bedorf;
    private static Fixtures.Cast castA;
    private static Fixtures.Cast castB;
    private static Fediverse fediverse;

    @BeforeAll
    static void start() {
        adorf = TestNode.startAt("Adorf", "127.0.0.1", Map.of());
        bedorf = TestNode.startAt("Bedorf", "127.0.0.2", Map.of());
        castA = Fixtures.musterstadt(adorf);
        castB = Fixtures.musterstadt(bedorf);
        fediverse = new Fediverse();
    }

    @AfterAll
    static void stop() {
        bedorf.close();
        adorf.close();
        fediverse.close();
    }

    private static ObjectNode delete(String id, String actor, String object) {
        ObjectNode d = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", id).put("type", "Delete").put("actor", actor).put("object", object);
        d.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        return d;
    }

    @Test
    void theDeletedCitizensTracesAreErasedInTheOtherTownAndOnlyTheyCanDeleteThemselves() {
        TestBrowser admin = bedorf.browser().signIn(castB.admin().email(), Fixtures.PASSWORD);
        assertEquals(303, admin.submit("/admin/nachbarn", "/admin/nachbarn",
                Map.of("handle", "@adorf@" + adorf.baseUrl().getAuthority())).status());
        long proposal = Fixtures.proposal(adorf, castA.anna(), "Nachtbus nach Bedorf", castA.bauamt());
        String proposalUri = adorf.url("/vorschlaege/" + proposal);
        Fediverse.await("Adorf's proposal in Bedorf", () -> bedorf.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE kind = 'PROPOSAL' AND ap_id = ?", proposalUri) == 1);
        long item = bedorf.sql().count("SELECT id FROM ap_neighbour_item WHERE ap_id = ?", proposalUri);
        String itemPage = "/nachbarschaft/" + item;

        TestBrowser ben = bedorf.browser().signIn(castB.ben().email(), Fixtures.PASSWORD);
        assertEquals(303, ben.submit(itemPage, itemPage + "/unterstuetzen", Map.of()).status());
        assertEquals(303, ben.submit(itemPage, itemPage + "/kommentare",
                Map.of("text", "Bens Wunsch aus Bedorf")).status());
        String benActor = bedorf.url("/profil/ben");
        Fediverse.await("support and comment arrive in Adorf", () -> adorf.sql().count(
                "SELECT count(*) FROM support WHERE proposal_id = ? AND remote_actor = ?", proposal, benActor) == 1
                && adorf.sql().count("SELECT count(*) FROM comment WHERE remote_actor = ? AND deleted_at IS NULL",
                benActor) == 1);
        assertEquals(1, adorf.sql().count("SELECT count(*) FROM fed_remote_actor WHERE id = ?", benActor));

        // Spoofs: another server's actor naming Ben (403), Ben's name on another's signature (401), and a
        // neighbour of Ben's on his own host deleting him (accepted as an activity, but it changes nothing).
        RemoteMastodon mastodon = fediverse.mastodon("social.test");
        ActorKeys erin = mastodon.actor("erin");
        String erinId = mastodon.actorId("erin");
        assertEquals(403, fediverse.post(adorf, "/inbox", delete(erinId + "#delete-ben", erinId, benActor), erin)
                .status());
        assertEquals(401, fediverse.post(adorf, "/inbox", delete(bedorf.url("/aktivitaeten/spoof-1"), benActor,
                benActor), erin).status());
        String doraActor = bedorf.url("/profil/dora");
        ActorKeys dora = bedorf.components().activityPub().keys().keys(doraActor).keys();
        assertEquals(202, fediverse.post(adorf, "/inbox", delete(bedorf.url("/aktivitaeten/spoof-2"), doraActor,
                benActor), dora).status());
        Fediverse.awaitInbox(adorf);
        assertEquals(1, adorf.sql().count("SELECT count(*) FROM comment WHERE remote_actor = ? AND deleted_at IS NULL",
                benActor), "Dora cannot delete Ben");
        assertEquals(1, adorf.sql().count("SELECT count(*) FROM support WHERE remote_actor = ?", benActor));

        // Ben deletes his account at home.
        assertEquals(303, ben.submit("/konto/loeschen", "/konto/loeschen", Map.of("password", Fixtures.PASSWORD))
                .status());
        assertEquals(410, fediverse.getJson(benActor).status());
        Fediverse.await("Adorf erases Ben's traces", () -> adorf.sql().count(
                "SELECT count(*) FROM support WHERE remote_actor = ?", benActor) == 0);
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM comment WHERE remote_actor = ?", benActor));
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM comment WHERE body_html LIKE ?", "%Bens Wunsch%"),
                "nobody answered the comment: it is removed");
        assertEquals(1, adorf.sql().count("SELECT remote_supports FROM proposal WHERE id = ?", proposal),
                "the support keeps counting, anonymously");
        assertEquals(1, adorf.sql().count("SELECT count(*) FROM support WHERE proposal_id = ? AND remote_actor "
                + "LIKE 'urn:uuid:%'", proposal));
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM fed_remote_actor WHERE id = ?", benActor),
                "the cached actor and its keys are dropped");
        String page = adorf.browser().get("/vorschlaege/" + proposal).body();
        assertTrue(!page.contains("Ben Becker") && !page.contains("Bens Wunsch"));
    }
    private static ObjectNode create(String actor, String id, String inReplyTo, String html) {
        ObjectNode note = ActivityJson.newObject().put("id", id).put("type", "Note").put("attributedTo", actor)
                .put("inReplyTo", inReplyTo).put("content", html).put("published", "2025-05-01T10:00:00Z");
        note.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        ObjectNode create = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", id + "/activity").put("type", "Create").put("actor", actor);
        create.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        create.set("object", note);
        return create;
    }

    /** Mastodon's own account deletion (its captured document): an answered comment stays without author. */
    @Test
    void aMastodonAccountDeletionFollowsTheSameRule() {
        RemoteMastodon mastodon = fediverse.mastodon("gone.test");
        ActorKeys gina = mastodon.actor("gina");
        String ginaId = mastodon.actorId("gina");
        long proposal = Fixtures.proposal(adorf, castA.carla(), "Mehr Schatten auf dem Spielplatz", castA.bauamt());
        String proposalUri = adorf.url("/vorschlaege/" + proposal);
        assertEquals(202, fediverse.post(adorf, "/inbox", create(ginaId, ginaId + "/statuses/1", proposalUri,
                "<p>Ginas beantworteter Beitrag</p>"), gina).status());
        assertEquals(202, fediverse.post(adorf, "/inbox", create(ginaId, ginaId + "/statuses/2", proposalUri,
                "<p>Ginas unbeantworteter Beitrag</p>"), gina).status());
        ObjectNode like = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", ginaId + "#likes/1").put("type", "Like").put("actor", ginaId).put("object", proposalUri);
        assertEquals(202, fediverse.post(adorf, "/inbox", like, gina).status());
        Fediverse.awaitInbox(adorf);
        long answered = adorf.sql().count("SELECT id FROM comment WHERE ap_id = ?", ginaId + "/statuses/1");
        adorf.components().participation().comments().add(castA.anna(), "proposal", proposal, answered,
                "Annas Antwort an Gina");
        assertEquals(1, adorf.sql().count("SELECT remote_supports FROM proposal WHERE id = ?", proposal));
        // Anna's reply goes to Gina's inbox first: a delivery still on its way would look Gina up again
        // after the erasure (real Mastodon then answers 410 for her; this stub would still serve her).
        Fediverse.await("Anna's reply delivered to Gina", () -> adorf.sql().count(
                "SELECT count(*) FROM ap_activity WHERE relayed_at IS NULL") == 0 && adorf.sql().count(
                "SELECT count(*) FROM fed_delivery WHERE host LIKE 'gone.test%' AND state = 'queued'") == 0);

        ObjectNode delete = Fediverse.fixture("delete-actor.json", "http://mastodon.example.org/users/admin", ginaId);
        assertEquals(202, fediverse.post(adorf, "/inbox", delete, gina).status());
        Fediverse.awaitInbox(adorf);
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM comment WHERE remote_actor = ?", ginaId));
        assertEquals(1, adorf.sql().count("SELECT count(*) FROM comment WHERE id = ? AND deleted_at IS NULL "
                + "AND remote_name IS NULL AND body_html LIKE ?", answered, "%Ginas beantworteter Beitrag%"));
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM comment WHERE body_html LIKE ?",
                "%Ginas unbeantworteter%"));
        assertEquals(1, adorf.sql().count("SELECT remote_supports FROM proposal WHERE id = ?", proposal));
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM support WHERE remote_actor = ?", ginaId));
        String page = adorf.browser().get("/vorschlaege/" + proposal).body();
        assertTrue(page.contains("Ginas beantworteter Beitrag") && page.contains("Gelöschtes Konto"));
        assertTrue(page.contains("Annas Antwort an Gina"));
        assertTrue(!page.contains("Ginas unbeantworteter Beitrag"));
        assertEquals(0, adorf.sql().count("SELECT count(*) FROM fed_remote_actor WHERE id = ?", ginaId));
    }
}
