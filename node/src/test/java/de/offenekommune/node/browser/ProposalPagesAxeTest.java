package de.offenekommune.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.demo.DemoSeeder;
import de.offenekommune.node.testing.Axe;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A/AA) in headless Chromium on the proposal, comment, moderation, legal and
 * admin pages of the demo town beyond the main list of {@link MainPagesAxeTest}: filtered lists,
 * an answered proposal, the pages as staff see them, and the proposal form with field errors.
 */
class ProposalPagesAxeTest {
    private static TestNode node;
    private static Browser browser;
    private static long answered;
    private static long discussed;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt");
        new DemoSeeder(node.components()).seedIfEmpty();
        answered = id("Trinkwasserbrunnen in der Innenstadt");
        discussed = id("Sichere Radverbindung zwischen Bahnhof und Schulzentrum");
        browser = new Browser();
    }

    private static long id(String title) {
        return node.sql().one("SELECT id FROM proposal WHERE title = ?", r -> r.lng("id"), title).orElseThrow();
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

    private static List<String> check(String... paths) {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            browser.open(node.url(path));
            Axe.Result result = browser.axe();
            if (!result.clean()) {
                problems.add(path + " -> " + result.describe());
            }
        }
        return problems;
    }

    @Test
    void publicPagesHaveNoViolations() {
        browser.signOut();
        List<String> problems = check("/vorschlaege?status=ANSWERED&sortierung=unterstuetzt",
                "/vorschlaege?thema=umwelt", "/vorschlaege/" + answered, "/moderationsprotokoll", "/barrierefreiheit",
                "/impressum", "/datenschutz");
        assertEquals(List.of(), problems);
    }

    @Test
    void pagesForStaffHaveNoViolations() {
        browser.signIn(node.baseUrl().toString(), "bauamt@musterstadt.example", DemoSeeder.DEMO_PASSWORD);
        long comment = node.sql().one("SELECT min(id) AS id FROM comment", r -> r.lng("id")).orElseThrow();
        List<String> problems = check("/vorschlaege/" + discussed, "/vorschlaege/" + answered,
                "/kommentare/" + comment + "/antworten", "/melden?art=proposal&id=" + discussed, "/moderation",
                "/moderation/eintrag?art=comment&id=" + comment, "/admin/adressaten", "/admin/adressaten/neu");
        browser.open(node.url("/vorschlaege/neu"));
        WebElement submit = browser.find(By.cssSelector("main form.ok-form button[type=submit]"));
        browser.driver().executeScript("arguments[0].click();", submit);
        browser.await(() -> browser.driver().getPageSource().contains("Bitte prüfen Sie Ihre Eingaben"));
        Axe.Result withErrors = browser.axe();
        if (!withErrors.clean()) {
            problems.add("form with errors -> " + withErrors.describe());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void adminPagesHaveNoViolations() {
        node.components().accounts().createConfirmed("a11y-admin@example.org", "Ada Admin", "a11y_admin",
                Fixtures.PASSWORD, Role.ADMIN);
        browser.signIn(node.baseUrl().toString(), "a11y-admin@example.org", Fixtures.PASSWORD);
        assertEquals(List.of(), check("/admin/einstellungen", "/admin/seiten", "/admin/seiten/barrierefreiheit/de",
                "/admin/adressaten/" + node.sql().count("SELECT min(id) FROM addressee")));
    }

    @Test
    void theCheckReportsABrokenPage() {
        browser.signOut();
        browser.open(node.url("/vorschlaege/" + answered));
        assertTrue(browser.axe().clean(), "before");
        browser.driver().executeScript("document.querySelector('main').appendChild(document.createElement('img'))"
                + ".src = '/static/none.png';");
        Axe.Result broken = browser.axe();
        assertTrue(broken.violations().stream().anyMatch(v -> v.id().equals("image-alt")), broken.describe());
    }
}
