package de.offenekommune.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import de.offenekommune.node.demo.DemoSeeder;
import de.offenekommune.node.testing.AxeBrowser;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A/AA) in headless Chromium on the proposal, comment, moderation and legal pages
 * of the demo town, and the proposal form filled in with the keyboard only.
 */
class ProposalAccessibilityTest {
    private static TestNode node;
    private static AxeBrowser browser;
    private static long answered;
    private static long discussed;

    @BeforeAll
    static void start() {
        assumeTrue(AxeBrowser.available(), "chromium and chromedriver are installed by .ci/run");
        node = TestNode.start("Musterstadt");
        new DemoSeeder(node.components()).seedIfEmpty();
        answered = id("Trinkwasserbrunnen in der Innenstadt");
        discussed = id("Sichere Radverbindung zwischen Bahnhof und Schulzentrum");
        browser = new AxeBrowser();
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
            browser.violations().forEach(v -> problems.add(path + " -> " + v));
        }
        return problems;
    }

    @Test
    void publicPagesHaveNoViolations() {
        browser.driver().manage().deleteAllCookies();
        List<String> problems = check("/vorschlaege", "/vorschlaege?status=ANSWERED&sortierung=unterstuetzt",
                "/vorschlaege/" + answered, "/vorschlaege/" + discussed, "/moderationsprotokoll", "/barrierefreiheit",
                "/impressum", "/datenschutz");
        assertEquals(List.of(), problems);
        // Control: the same check does report a broken page.
        browser.driver().executeScript("document.querySelector('main').appendChild(document.createElement('img'))"
                + ".src = '/static/none.png';");
        assertTrue(browser.violations().stream().anyMatch(v -> v.startsWith("image-alt")));
    }

    @Test
    void pagesForSignedInCitizensAndStaffHaveNoViolations() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(node.baseUrl().toString(), "bauamt@musterstadt.example", DemoSeeder.DEMO_PASSWORD);
        long comment = node.sql().one("SELECT min(id) AS id FROM comment", r -> r.lng("id")).orElseThrow();
        List<String> problems = check("/vorschlaege/neu", "/vorschlaege/" + discussed, "/vorschlaege/" + answered,
                "/kommentare/" + comment + "/antworten", "/melden?art=proposal&id=" + discussed, "/moderation",
                "/moderation/eintrag?art=comment&id=" + comment, "/admin/adressaten", "/admin/adressaten/neu");
        browser.open(node.url("/vorschlaege/neu"));
        WebElement submit = browser.driver().findElement(By.cssSelector("main form.ok-form button[type=submit]"));
        browser.driver().executeScript("arguments[0].click();", submit);
        waitFor(() -> browser.driver().getPageSource().contains("Bitte prüfen Sie Ihre Eingaben"));
        browser.violations().forEach(v -> problems.add("form with errors -> " + v));
        assertEquals(List.of(), problems);
    }

    @Test
    void adminPagesHaveNoViolations() {
        node.components().accounts().createConfirmed("a11y-admin@example.org", "Ada Admin", "a11y_admin",
                Fixtures.PASSWORD, de.offenekommune.node.account.Role.ADMIN);
        browser.driver().manage().deleteAllCookies();
        browser.signIn(node.baseUrl().toString(), "a11y-admin@example.org", Fixtures.PASSWORD);
        assertEquals(List.of(), check("/admin/einstellungen", "/admin/seiten", "/admin/seiten/barrierefreiheit/de",
                "/admin/adressaten/" + node.sql().count("SELECT min(id) FROM addressee")));
    }

    @Test
    void theProposalFormWorksWithTheKeyboardOnly() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(node.baseUrl().toString(), "anna@musterstadt.example", DemoSeeder.DEMO_PASSWORD);
        browser.open(node.url("/vorschlaege/neu"));
        long before = node.sql().count("SELECT count(*) FROM proposal");
        waitFor(() -> browser.driver().getCurrentUrl().endsWith("/vorschlaege/neu"));
        // Tab from the top of the page until the title field has the focus, then go on field by field.
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 40 && !"title".equals(focused()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("title", focused(), "the title field is reachable with Tab");
        keys.sendKeys("Mit der Tastatur geschrieben").sendKeys(Keys.TAB)
                .sendKeys("Dieser Vorschlag entstand ohne Maus.").sendKeys(Keys.TAB)
                .sendKeys("Ein Text, nur mit der Tastatur eingegeben.").sendKeys(Keys.TAB).perform();
        assertEquals("topic", focused());
        keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.TAB).sendKeys("Rathausplatz").sendKeys(Keys.TAB).perform();
        assertTrue(focused().startsWith("addressee-"), "then the addressee checkboxes: " + focused());
        keys.sendKeys(Keys.SPACE).sendKeys(Keys.TAB).perform();
        for (int i = 0; i < 10 && !"BUTTON".equals(browser.driver().switchTo().activeElement().getTagName()
                .toUpperCase()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        keys.sendKeys(Keys.ENTER).perform();
        waitFor(() -> browser.driver().getCurrentUrl().contains("hinweis=proposal-submitted"));
        assertEquals(before + 1, node.sql().count("SELECT count(*) FROM proposal"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> condition.getAsBoolean());
    }

    private static String focused() {
        return String.valueOf(browser.driver().switchTo().activeElement().getAttribute("id"));
    }
}
