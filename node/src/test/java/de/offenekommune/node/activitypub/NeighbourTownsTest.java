package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * Two real towns on their own databases, over loopback (different addresses, so origin checks
 * apply as on the network): Bedorf follows Adorf by handle; Adorf's project (made through the staff
 * API) and proposal show in Bedorf's neighbourhood; a Bedorf citizen supports and comments on the
 * proposal from home, Adorf counts both as fediverse; deleting the comment in Bedorf removes it in Adorf.
 */
class NeighbourTownsTest {
    private static TestNode adorf;
    private static TestNode bedorf;
    private static Fixtures.Cast castA;
    private static Fixtures.Cast castB;
    private static Fediverse fediverse;

    @BeforeAll
    static void start() {
        adorf = TestNode.startAt("Adorf", "127.0.0.1", Map.of("federation.vote-update-delay", "PT0S"));
        bedorf = TestNode.startAt("Bedorf", "127.0.0.2", Map.of("federation.vote-update-delay", "PT0S"));
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

    private static TestBrowser signIn(TestNode node, Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    @Test
    void townsFollowEachOtherAndCitizensTakePartInTheNeighboursProposals() {
        String adorfHandle = "@adorf@" + adorf.baseUrl().getAuthority();
        TestBrowser admin = signIn(bedorf, castB.admin());
        assertEquals(303, admin.submit("/admin/nachbarn", "/admin/nachbarn", Map.of("handle", adorfHandle)).status());
        Fediverse.await("Adorf accepts Bedorf's follow", () -> bedorf.sql().count(
                "SELECT count(*) FROM ap_neighbour WHERE actor_uri = ? AND state = 'ACCEPTED'", adorf.url("/kommune")) == 1);
        assertEquals(1, adorf.sql().count("SELECT count(*) FROM fed_follower WHERE local_actor = ? AND remote_actor = ? "
                + "AND state = 'accepted'", adorf.url("/kommune"), bedorf.url("/kommune")));
        assertTrue(admin.get("/admin/nachbarn").body().contains(adorfHandle.substring(1)));

        Account cms = adorf.components().accounts().createConfirmed("cms@example.org", "CMS", "cms", "cms-passwort-1",
                Role.STAFF);
        TestApi api = new TestApi(adorf.baseUrl(), adorf.components().apiTokens().create(castA.admin(), "CMS",
                cms.username()).value());
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("kind", "CONSTRUCTION");
        project.put("title", "Neue Brücke über die Aue");
        project.put("summary", "Die alte Brücke wird ersetzt; Fußgänger bekommen einen eigenen Weg.");
        project.put("topics", List.of("TRANSPORT"));
        assertEquals(201, api.post("/api/v1/projects", project).status());
        Fediverse.await("Adorf's project in Bedorf's neighbourhood", () -> bedorf.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE kind = 'PROJECT' AND name = ?", "Neue Brücke über die Aue") == 1);
        String home = bedorf.browser().get("/").body();
        assertTrue(home.contains("Aus der Nachbarschaft"), "neighbourhood section on the home page");
        assertTrue(home.contains("Neue Brücke über die Aue"));
        assertTrue(home.contains(adorf.url("/projekte/neue-bruecke-ueber-die-aue")), "links to the origin");

        long proposal = Fixtures.proposal(adorf, castA.anna(), "Bessere Busverbindung nach Bedorf", castA.bauamt());
        String proposalUri = adorf.url("/vorschlaege/" + proposal);
        Fediverse.await("Adorf's proposal in Bedorf", () -> bedorf.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE kind = 'PROPOSAL' AND ap_id = ?", proposalUri) == 1);
        long item = bedorf.sql().count("SELECT id FROM ap_neighbour_item WHERE ap_id = ?", proposalUri);
        String itemPage = "/nachbarschaft/" + item;

        TestBrowser ben = signIn(bedorf, castB.ben());
        assertEquals(303, ben.submit(itemPage, itemPage + "/unterstuetzen", Map.of()).status());
        assertEquals(303, ben.submit(itemPage, itemPage + "/kommentare",
                Map.of("text", "Das unterstütze ich aus **Bedorf**!")).status());
        String benActor = bedorf.url("/profil/ben");
        Fediverse.await("support and comment arrive in Adorf", () -> adorf.sql().count(
                "SELECT remote_supports FROM proposal WHERE id = ?", proposal) == 1 && adorf.sql().count(
                "SELECT count(*) FROM comment WHERE target_id = ? AND remote_actor = ? AND deleted_at IS NULL",
                proposal, benActor) == 1);
        assertEquals(0, adorf.sql().count("SELECT local_supports FROM proposal WHERE id = ?", proposal));
        String page = adorf.browser().get("/vorschlaege/" + proposal).body();
        assertTrue(page.contains("Das unterstütze ich aus <strong>Bedorf</strong>!"), "the comment shows in Adorf");
        assertTrue(page.contains("Ben Becker"), "with its author's name");
        JsonNode json = ActivityJson.parse(fediverse.getJson(proposalUri).body());
        assertEquals(1, json.path("remoteSupportCount").asInt());
        assertEquals(0, json.path("localSupportCount").asInt());

        // a second support from the same citizen changes nothing
        assertEquals(303, ben.submit(itemPage, itemPage + "/unterstuetzen", Map.of()).status());
        assertEquals(1, bedorf.sql().count("SELECT count(*) FROM ap_remote_action WHERE kind = 'LIKE'"));

        String uuid = bedorf.sql().one("SELECT uuid::text AS u FROM ap_remote_action WHERE kind = 'NOTE'",
                r -> r.str("u")).orElseThrow();
        TestBrowser.Response deleted = ben.submit(itemPage, "/nachbarschaft/kommentare/" + uuid + "/loeschen", Map.of());
        assertEquals(303, deleted.status());
        assertTrue(deleted.location().startsWith(itemPage), "back to the item the comment was on");
        Fediverse.await("the comment is deleted in Adorf", () -> adorf.sql().count(
                "SELECT count(*) FROM comment WHERE target_id = ? AND remote_actor = ? AND deleted_at IS NOT NULL",
                proposal, benActor) == 1);
        assertTrue(!adorf.browser().get("/vorschlaege/" + proposal).body().contains("Das unterstütze ich"));
        assertEquals(410, fediverse.getJson(bedorf.url("/profil/ben/fern/" + uuid)).status());
    }

    @Test
    void onlyAdminsFollowAndBadHandlesAreRefusedWithoutAFollow() {
        long before = bedorf.sql().count("SELECT count(*) FROM ap_neighbour");
        TestBrowser citizen = signIn(bedorf, castB.carla());
        assertEquals(403, citizen.get("/admin/nachbarn").status());
        TestBrowser admin = signIn(bedorf, castB.admin());
        for (String handle : List.of("", "keine adresse", "@niemand@" + adorf.baseUrl().getAuthority(),
                "@bedorf@" + bedorf.baseUrl().getAuthority())) {
            TestBrowser.Response r = admin.submit("/admin/nachbarn", "/admin/nachbarn", Map.of("handle", handle));
            assertEquals(400, r.status(), handle);
            assertTrue(r.body().contains("id=\"fehler\""), "error summary for " + handle);
        }
        assertEquals(before, bedorf.sql().count("SELECT count(*) FROM ap_neighbour"));
        assertEquals(0, bedorf.sql().count("SELECT count(*) FROM ap_activity WHERE type = 'Follow' AND object_uri LIKE ?",
                "%niemand%"));
    }
}
