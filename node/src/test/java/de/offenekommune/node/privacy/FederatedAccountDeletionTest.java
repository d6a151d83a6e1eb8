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
}
