package de.offenekommune.node.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A/AA) on the about page of a town (with its region's attestation and without),
 * of a region (its attested members), and on the places the town badge appears: the home page's
 * "Aus der Nachbarschaft", a neighbour's item, the admin's neighbour list (badge and "why not" link)
 * and the explanation page of a town badge. What federation would store is written directly.
 */
class AboutPageAxeTest {
    private static final String REGION = "https://landkreis.example/kommune";
    private static final String NEIGHBOUR = "https://baierbrunn.example/kommune";
    private static TestNode town;
    private static TestNode region;
    private static Browser browser;

    @BeforeAll
    static void start() {
        town = TestNode.start("Aschheim", Map.of("node.ags", "09184112", "verification.region", REGION));
        town.components().accounts().createConfirmed("pruefer@example.org", "Prüfer", "pruefer", "pruefer-passwort-1",
                Role.ADMIN);
        town.sql().update("""
                INSERT INTO verification_held_attestation (id, issuer, issuer_name, trust_role, ags, legal_name, domain,
                    document, valid_from, valid_until, received_at)
                VALUES ('https://landkreis.example/attestierungen/1', ?, 'Landkreis München', 'REGION', '09184112',
                    'Aschheim', '127.0.0.1', '{}', now() - interval '1 day', now() + interval '364 days', now())""",
                REGION);
        neighbour(NEIGHBOUR, "Baierbrunn", "09184113", true);
        neighbour("https://aschheim-echt.example/kommune", "Aschheim (Fälschung)", "09184112", false);
        town.sql().update("""
                INSERT INTO ap_neighbour_item (ap_id, neighbour_actor, attributed_to, kind, name, summary, url,
                    published_at, updated_at, project_kind)
                VALUES ('https://baierbrunn.example/projekte/1', ?, ?, 'PROJECT', 'Neue Ortsmitte', 'Kurz.',
                    'https://baierbrunn.example/projekte/1', now(), now(), 'PLANNING')""", NEIGHBOUR, NEIGHBOUR);
        region = TestNode.start("Landkreis München", Map.of("node.kind", "region", "node.ags", "09184"));
        region.sql().update("INSERT INTO region_member (ags, handle, actor_uri, source, created_at) "
                + "VALUES ('09184112', 'aschheim@aschheim.example', 'https://aschheim.example/kommune', 'ADMIN', now())");
        region.sql().update("INSERT INTO region_member (ags, handle, source, created_at) "
                + "VALUES ('09184113', 'baierbrunn@baierbrunn.example', 'ADMIN', now())");
        browser = new Browser();
    }

    /** A followed town and the last check of its attestations (attested as its municipality's node, or not). */
    private static void neighbour(String actor, String name, String ags, boolean attested) {
        town.sql().update("INSERT INTO ap_neighbour (actor_uri, handle, name, profile_url, state, follow_activity) "
                + "VALUES (?, ?, ?, ?, 'ACCEPTED', ?)", actor, "kommune@" + actor.split("/")[2], name,
                actor.replace("/kommune", "/"), actor + "#follow");
        town.sql().update("""
                INSERT INTO verification_remote_status (actor_uri, verified, reason, issuer, trust_role, category,
                    legal_name, domain, ags, valid_until, checked_at, next_check_at)
                VALUES (?, ?, ?, ?, ?, 'municipality_node', ?, ?, ?, now() + interval '300 days', now(),
                    now() + interval '6 hours')""", actor, attested, attested ? null : "UNTRUSTED_ISSUER",
                attested ? REGION : actor, attested ? "REGION" : null, name, actor.split("/")[2], ags);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        for (TestNode n : new TestNode[] {region, town}) {
            if (n != null) {
                n.close();
            }
        }
    }

    private static List<String> open(TestNode node, String path) {
        browser.open(node.url(path));
        return browser.violations(path);
    }

    @Test
    void aboutPagesAndTownBadgesHaveNoViolations() {
        List<String> found = new ArrayList<>(open(town, "/ueber"));
        assertTrue(browser.text().contains("Landkreis München bestätigt"), browser.text());
        found.addAll(open(town, "/"));
        assertTrue(browser.text().contains("Offizielle Gemeinde"), "the town badge on the home page");
        long item = town.sql().one("SELECT id FROM ap_neighbour_item", r -> r.lng("id")).orElseThrow();
        found.addAll(open(town, "/nachbarschaft/" + item));
        found.addAll(open(town, "/verifizierung/pruefen?actor=" + NEIGHBOUR));
        assertTrue(browser.text().contains("Offizielle Plattform der Gemeinde Baierbrunn"), browser.text());
        found.addAll(open(town, "/verifizierung/pruefen?actor=https://aschheim-echt.example/kommune"));
        browser.signIn(town.baseUrl().toString(), "pruefer@example.org", "pruefer-passwort-1");
        found.addAll(open(town, "/admin/nachbarn"));
        assertTrue(browser.text().contains("Nicht bestätigt – warum?"), browser.text());
        town.sql().update("DELETE FROM verification_held_attestation");
        found.addAll(open(town, "/ueber"));
        assertTrue(browser.text().contains("Noch keine Bestätigung"), browser.text());
        found.addAll(open(region, "/ueber"));
        assertTrue(browser.text().contains("Bestätigte Mitgliedskommunen"), browser.text());
        assertEquals(0, found.size(), String.join("\n", found));
    }
}
