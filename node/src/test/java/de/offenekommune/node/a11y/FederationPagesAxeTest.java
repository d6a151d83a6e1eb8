package de.offenekommune.node.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * axe-core (WCAG 2.1 A/AA) on the federation pages: the home page with its neighbourhood section,
 * the neighbours admin page (also with a field error), a neighbour's proposal with the support and
 * comment forms, a citizen's profile.
 */
class FederationPagesAxeTest {
    private static TestNode node;
    private static Browser browser;
    private static long item;

    @BeforeAll
    static void start() {
        node = TestNode.start("Nachbarschaftsstadt", Map.of("node.demo", "true"));
        node.components().accounts().createConfirmed("pruefer@example.org", "Prüfer", "pruefer", "pruefer-passwort-1",
                Role.ADMIN);
        String neighbour = "https://nachbarstadt.example/kommune";
        node.sql().update("INSERT INTO ap_neighbour (actor_uri, handle, name, profile_url, state, follow_activity) "
                + "VALUES (?, 'nachbarstadt@nachbarstadt.example', 'Nachbarstadt', 'https://nachbarstadt.example/', "
                + "'ACCEPTED', 'https://musterstadt.example/aktivitaeten/1')", neighbour);
        node.sql().update("""
                INSERT INTO ap_neighbour_item (ap_id, neighbour_actor, attributed_to, kind, name, summary, url,
                       proposal_status, local_supports, remote_supports, support_threshold, published_at, updated_at)
                VALUES ('https://nachbarstadt.example/projekte/radweg', ?, ?, 'PROJECT', 'Radweg an der Aue',
                        'Ein Radweg entlang des Flusses.', 'https://nachbarstadt.example/projekte/radweg', NULL, NULL,
                        NULL, NULL, now(), now()),
                       ('https://nachbarstadt.example/vorschlaege/7', ?, 'https://nachbarstadt.example/profil/lena',
                        'PROPOSAL', 'Bücherschrank am Bahnhof', 'Ein offener Bücherschrank zum Tauschen.',
                        'https://nachbarstadt.example/vorschlaege/7', 'submitted', 12, 3, 50, now(), now())""",
                neighbour, neighbour, neighbour);
        item = node.sql().count("SELECT id FROM ap_neighbour_item WHERE kind = 'PROPOSAL'");
        browser = new Browser();
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

    private static List<String> check(String path) {
        return browser.violationsAt(node.url(path));
    }

    @Test
    void federationPagesHaveNoViolations() {
        List<String> found = new ArrayList<>(check("/"));
        found.addAll(check("/nachbarschaft/" + item));
        browser.signIn(node.baseUrl().toString(), "pruefer@example.org", "pruefer-passwort-1");
        node.components().activityPub().federation().blockList().blockDomain("spam.example", "Spam-Wellen");
        for (String path : List.of("/nachbarschaft/" + item, "/admin/nachbarn", "/admin/sperren", "/ueber",
                "/profil/pruefer", "/verwaltung")) {
            found.addAll(check(path));
        }
        browser.open(node.url("/admin/nachbarn"));
        browser.driver().findElement(By.id("handle")).sendKeys("kein handle");
        browser.driver().findElement(By.id("handle")).submit();
        browser.axe().violations().forEach(v -> found.add("neighbours form with errors -> " + v));
        assertEquals(1, browser.driver().findElements(By.id("fehler")).size(), "the form came back with errors");
        browser.open(node.url("/admin/sperren"));
        browser.driver().findElement(By.id("value")).sendKeys("kein server");
        browser.driver().findElement(By.id("value")).submit();
        found.addAll(browser.violations("blocks form with errors"));
        assertEquals(1, browser.driver().findElements(By.id("value-error")).size(), "the form came back with errors");
        assertEquals(0, found.size(), String.join("\n", found));
    }
}
