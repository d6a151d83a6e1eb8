package de.offenekommune.node.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A/AA) on the region's pages, the same check as the town pages: the region's
 * home page with its members' newest items, the overview (also filtered), the map page once the map
 * has drawn its markers (no tile server: plain background), the figures, and the member admin page
 * (also with field errors). The members and their items are stored as federation would store them.
 */
class RegionPagesAxeTest {
    private static TestNode node;
    private static Browser browser;

    @BeforeAll
    static void start() {
        node = TestNode.start("Region Musterkreis", Map.of("node.kind", "region", "node.ags", "09999",
                "node.demo", "true", "node.handle", "musterkreis"));
        node.components().accounts().createConfirmed("pruefer@example.org", "Prüfer", "pruefer", "pruefer-passwort-1",
                Role.ADMIN);
        member("09999001", "https://musterstadt.example/kommune", "Musterstadt");
        member("09999002", "https://beispielheim.example/kommune", "Beispielheim");
        LocalDate today = LocalDate.now();
        long project = item("https://musterstadt.example/projekte/marktplatz", "https://musterstadt.example/kommune",
                "https://musterstadt.example/kommune", "PROJECT", "Neugestaltung Marktplatz", null, "CONSTRUCTION",
                "{BUILDING,TRANSPORT}", 51.2562, 9.5102);
        node.sql().update("INSERT INTO ap_neighbour_item_phase (item_id, position, kind, name, starts_on, ends_on) "
                + "VALUES (?, 1, 'PARTICIPATION', '', ?, ?)", project, today.minusDays(3), today.plusDays(20));
        item("https://beispielheim.example/projekte/feuerwehr", "https://beispielheim.example/kommune",
                "https://beispielheim.example/kommune", "PROJECT", "Neues Feuerwehrhaus", null, "CONSTRUCTION",
                "{BUILDING}", 51.2941, 9.5963);
        item("https://beispielheim.example/vorschlaege/3", "https://beispielheim.example/kommune",
                "https://beispielheim.example/profil/anna", "PROPOSAL", "Mitfahrbank nach Musterstadt", "submitted",
                null, "{TRANSPORT}", null, null);
        item("https://musterstadt.example/termine/4", "https://musterstadt.example/kommune",
                "https://musterstadt.example/kommune", "EVENT", "Bürgerversammlung", null, null, "{}", 51.2575, 9.5131);
        node.sql().update("""
                INSERT INTO region_member_figures (ags, generated_at, fetched_at, projects_open, proposals_30,
                    proposals_365, supports_30, supports_365, comments_30, comments_365, responses_30, responses_365)
                VALUES ('09999001', now(), now(), 3, 2, 6, 11, 19, 7, 12, 2, 2)""");
        browser = new Browser();
    }

    private static void member(String ags, String actor, String name) {
        node.sql().update("INSERT INTO ap_neighbour (actor_uri, handle, name, profile_url, state, follow_activity) "
                + "VALUES (?, ?, ?, ?, 'ACCEPTED', ?)", actor, name.toLowerCase() + "@" + actor.split("/")[2], name,
                actor.replace("/kommune", "/"), actor + "#follow");
        node.sql().update("INSERT INTO region_member (ags, handle, actor_uri, source, created_at) "
                + "VALUES (?, ?, ?, 'ADMIN', now())", ags, name.toLowerCase() + "@" + actor.split("/")[2], actor);
    }

    private static long item(String id, String neighbour, String author, String kind, String name, String status,
                             String projectKind, String topics, Double lat, Double lon) {
        return node.sql().one("""
                INSERT INTO ap_neighbour_item (ap_id, neighbour_actor, attributed_to, kind, name, summary, url,
                    proposal_status, local_supports, remote_supports, published_at, updated_at, project_kind, topics,
                    location_name, latitude, longitude, starts_at, ends_at)
                VALUES (?, ?, ?, ?, ?, 'Eine kurze Beschreibung.', ?, ?, ?, ?, now(), now(), ?, CAST(? AS text[]),
                    ?, ?, ?, now() + interval '3 days', now() + interval '3 days 2 hours')
                RETURNING id""", r -> r.lng("id"), id, neighbour, author, kind, name, id, status,
                status == null ? null : 4, status == null ? null : 1, projectKind, topics,
                lat == null ? null : "Ortsmitte", lat, lon).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void regionPagesHaveNoViolations() {
        List<String> found = new ArrayList<>(browser.violationsAt(node.url("/")));
        assertTrue(browser.text().contains("Aus den Mitgliedskommunen"));
        found.addAll(browser.violationsAt(node.url("/region")));
        found.addAll(browser.violationsAt(node.url("/region?gemeinde=09999001&art=projekt&phase=beteiligung&thema=verkehr")));
        assertTrue(browser.text().contains("Neugestaltung Marktplatz"));
        browser.open(node.url("/region/karte"));
        browser.await(By.cssSelector("#regionskarte .leaflet-marker-icon"));
        assertEquals(3, browser.driver().findElements(By.cssSelector("#regionskarte .leaflet-marker-icon")).size(),
                "two projects and an event on the map");
        Object labels = browser.driver().executeScript("return Array.from(document.querySelectorAll("
                + "'#regionskarte .leaflet-tooltip')).map(t => t.textContent).sort().join('|');");
        assertEquals("Beispielheim|Musterstadt", labels, "the town centres are labelled");
        found.addAll(browser.violations("/region/karte (map drawn)"));
        found.addAll(browser.violationsAt(node.url("/region/kennzahlen")));
        browser.signIn(node.baseUrl().toString(), "pruefer@example.org", "pruefer-passwort-1");
        found.addAll(browser.violationsAt(node.url("/admin/mitglieder")));
        found.addAll(browser.violationsAt(node.url("/verwaltung")));
        browser.open(node.url("/admin/mitglieder"));
        browser.fill("handle", "keine adresse");
        browser.submit(By.cssSelector("form[action='/admin/mitglieder'] button[type=submit]"));
        assertEquals(1, browser.driver().findElements(By.id("fehler")).size(), "the form came back with errors");
        found.addAll(browser.violations("members form with errors"));
        assertEquals(0, found.size(), String.join("\n", found));
    }
}
