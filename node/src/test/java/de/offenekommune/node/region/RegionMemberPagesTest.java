package de.offenekommune.node.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * Member management on /admin/mitglieder: only admins; the district's towns are proposed with their
 * official names; bad input (malformed or unknown key, malformed handle, no CSRF token) gets 400/403
 * with field errors and writes nothing; a member whose node is down is kept and tried again; a real
 * town added in the form is followed, and removing it unfollows; configured members stay. A town
 * node answers 404 on the region's pages, after the same access checks.
 */
class RegionMemberPagesTest {
    static final String FELDKIRCHEN = "09184118";
    static final String GARCHING = "09184119";
    static final String CONFIGURED = "09184112";

    private static TestNode region;
    private static TestNode feldkirchen;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        feldkirchen = TestNode.start("Feldkirchen", Map.of("node.ags", FELDKIRCHEN));
        Map<String, String> config = new HashMap<>();
        config.put("node.kind", "region");
        config.put("node.ags", "09184");
        // a configured member whose node does not answer (nothing listens on port 9 of loopback)
        config.put("region.members.0.ags", CONFIGURED);
        config.put("region.members.0.handle", "aschheim@127.0.0.1:9");
        config.put("neighbours.retry-interval", "PT1H");
        region = TestNode.start("Landkreis", config);
        cast = Fixtures.musterstadt(region);
    }

    @AfterAll
    static void stop() {
        region.close();
        feldkirchen.close();
    }

    private static TestBrowser as(de.offenekommune.node.account.Account account) {
        return region.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    private static long members() {
        return region.sql().count("SELECT count(*) FROM region_member");
    }

    @Test
    void onlyAdminsManageMembers() {
        TestBrowser.Response anonymous = region.browser().get("/admin/mitglieder");
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().startsWith("/anmelden?weiter="));
        for (var account : List.of(cast.anna(), cast.staff())) {
            TestBrowser b = as(account);
            assertEquals(403, b.get("/admin/mitglieder").status(), account.username());
            assertEquals(403, b.post("/admin/mitglieder", Map.of("ags", GARCHING, "handle", "garching@127.0.0.1:1"))
                    .status());
            assertEquals(403, b.post("/admin/mitglieder/entfernen", Map.of("ags", CONFIGURED)).status());
        }
        assertEquals(401, region.browser().post("/admin/mitglieder", Map.of("ags", GARCHING, "handle", "x@y")).status());
        assertEquals(1, members(), "nothing written by refused callers");
    }

    @Test
    void theDistrictsTownsAreProposedByTheirOfficialNames() {
        Document page = Jsoup.parse(as(cast.admin()).get("/admin/mitglieder").body());
        assertTrue(page.text().contains("Kreis München (09184)"), page.text());
        var options = page.select("select#ags option").eachText();
        assertTrue(options.contains("Garching b.München, St (09184119)"), options.toString());
        assertTrue(!options.contains("Aschheim (09184112)"), "a member is not proposed again");
        assertTrue(page.text().contains("Aschheim"), "the configured member, by its official name");
        assertTrue(page.text().contains("In der Konfiguration festgelegt"));
        assertTrue(page.text().contains("Statistisches Bundesamt (Destatis)"), "the data's attribution");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsWritten() {
        TestBrowser admin = as(cast.admin());
        long before = members();
        Map<Map<String, String>, List<String>> cases = Map.of(
                Map.of("ags", "123", "handle", "garching@beteiligung.garching.de"), List.of("ags"),
                Map.of("ags", "09184999", "handle", "garching@beteiligung.garching.de"), List.of("ags"),
                Map.of("ags", GARCHING, "handle", "keine adresse"), List.of("handle"),
                Map.of("ags", GARCHING, "handle", "garching@bad host"), List.of("handle"),
                Map.of("ags", "", "handle", ""), List.of("ags", "handle"),
                Map.of("ags", "0918411x", "handle", "@@"), List.of("ags", "handle"));
        cases.forEach((form, fields) -> {
            TestBrowser.Response r = admin.submit("/admin/mitglieder", "/admin/mitglieder", form);
            assertEquals(400, r.status(), form.toString());
            Document page = Jsoup.parse(r.body());
            assertEquals(1, page.select("#fehler").size(), "error summary for " + form);
            for (String field : fields) {
                assertEquals("true", page.selectFirst("#" + field).attr("aria-invalid"), field + " of " + form);
            }
        });
        assertTrue(Jsoup.parse(admin.submit("/admin/mitglieder", "/admin/mitglieder",
                Map.of("ags", "09184999", "handle", "a@b.de")).body()).text()
                .contains("Diesen Gemeindeschlüssel gibt es im amtlichen Gemeindeverzeichnis nicht."));
        TestBrowser.Response noToken = admin.postRaw("/admin/mitglieder", "application/x-www-form-urlencoded",
                "ags=" + GARCHING + "&handle=garching%40127.0.0.1%3A1");
        assertEquals(403, noToken.status());
        assertEquals(before, members(), "nothing written");
        assertEquals(0, region.sql().count("SELECT count(*) FROM ap_activity WHERE type = 'Follow' AND object_uri LIKE ?",
                "%garching%"));
    }

    @Test
    void aMemberWhoseNodeIsDownIsKeptAndAddingItTwiceLeavesOne() {
        TestBrowser admin = as(cast.admin());
        Map<String, String> form = Map.of("ags", GARCHING, "handle", "@Garching@127.0.0.1:1");
        TestBrowser.Response r = admin.submit("/admin/mitglieder", "/admin/mitglieder", form);
        assertEquals(303, r.status());
        assertEquals("/admin/mitglieder?hinweis=member-added-unreached", r.location());
        assertEquals(303, admin.submit("/admin/mitglieder", "/admin/mitglieder", form).status());
        assertEquals(1, region.sql().count("SELECT count(*) FROM region_member WHERE ags = ?", GARCHING));
        assertEquals("garching@127.0.0.1:1", region.sql().one("SELECT handle FROM region_member WHERE ags = ?",
                row -> row.str("handle"), GARCHING).orElseThrow(), "stored without @, host in lower case");
        String page = admin.get("/admin/mitglieder").body();
        assertTrue(page.contains("Garching b.München, St") && page.contains("Noch nicht erreichbar"), page);
        assertEquals(303, admin.submit("/admin/mitglieder", "/admin/mitglieder/entfernen", Map.of("ags", GARCHING))
                .status());
        assertEquals(0, region.sql().count("SELECT count(*) FROM region_member WHERE ags = ?", GARCHING));
    }

    @Test
    void aTownAddedInTheFormIsFollowedAndRemovingItUnfollows() {
        TestBrowser admin = as(cast.admin());
        String handle = "feldkirchen@" + feldkirchen.baseUrl().getAuthority();
        TestBrowser.Response r = admin.submit("/admin/mitglieder", "/admin/mitglieder",
                Map.of("ags", FELDKIRCHEN, "handle", handle));
        assertEquals("/admin/mitglieder?hinweis=member-added", r.location());
        Fediverse.await("Feldkirchen accepts", () -> region.sql().count("SELECT count(*) FROM ap_neighbour "
                + "WHERE actor_uri = ? AND state = 'ACCEPTED'", feldkirchen.url("/kommune")) == 1);
        assertTrue(admin.get("/admin/mitglieder").body().contains("Verbunden"));
        assertEquals(303, admin.submit("/admin/mitglieder", "/admin/mitglieder/entfernen",
                Map.of("ags", FELDKIRCHEN)).status());
        assertEquals(0, region.sql().count("SELECT count(*) FROM ap_neighbour WHERE actor_uri = ?",
                feldkirchen.url("/kommune")));
        Fediverse.await("Feldkirchen no longer has the region as follower", () -> feldkirchen.sql().count(
                "SELECT count(*) FROM fed_follower WHERE remote_actor = ?", region.url("/kommune")) == 0);
    }

    @Test
    void configuredMembersStay() {
        TestBrowser.Response r = as(cast.admin()).submit("/admin/mitglieder", "/admin/mitglieder/entfernen",
                Map.of("ags", CONFIGURED));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("in der Konfiguration festgelegt"), r.body());
        assertEquals(1, region.sql().count("SELECT count(*) FROM region_member WHERE ags = ?", CONFIGURED));
        assertEquals(404, as(cast.admin()).submit("/admin/mitglieder", "/admin/mitglieder/entfernen",
                Map.of("ags", "09184999")).status());
    }

    @Test
    void aTownAnswers404OnTheRegionsPagesAfterTheAccessCheck() {
        Fixtures.Cast townCast = Fixtures.musterstadt(feldkirchen);
        TestBrowser admin = feldkirchen.browser().signIn(townCast.admin().email(), Fixtures.PASSWORD);
        for (String path : List.of("/admin/mitglieder", "/region", "/region/karte", "/region/karte.json",
                "/region/kennzahlen")) {
            assertEquals(404, admin.get(path).status(), path);
        }
        assertEquals(403, feldkirchen.browser().signIn(townCast.anna().email(), Fixtures.PASSWORD)
                .get("/admin/mitglieder").status());
        assertEquals(0, feldkirchen.sql().count("SELECT count(*) FROM region_member"));
    }
}
