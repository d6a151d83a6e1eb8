package de.offenekommune.node.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Axe;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.TestNode;

/**
 * The acceptance list of issue 3: axe-core (WCAG 2.1 A and AA) in headless Chromium reports no
 * violation on home, project list, project detail, proposal list, proposal detail, proposal form,
 * survey, search results, login and registration, each in the state a citizen meets it (the forms
 * signed in). Other pages and states are checked by {@link AccessibilityTest},
 * {@link ParticipationPagesAxeTest} and {@link ProposalPagesAxeTest}.
 */
class MainPagesAxeTest {
    private static final String EMAIL = "pruefung@example.org";
    private static final String PASSWORD = "pruefung-passwort-1";
    private static TestNode node;
    private static Browser browser;
    private static boolean signedIn;

    /**
     * @param citizen open it signed in as a citizen who has not answered the survey yet
     * @param shows a CSS selector the page must match, so an error page cannot pass for the real one
     */
    record Page(String name, String path, boolean citizen, String shows) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt", Map.of("node.demo", "true"));
        node.components().accounts().createConfirmed(EMAIL, "Petra Prüfung", "pruefung", PASSWORD, Role.CITIZEN);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        node.close();
    }

    static Stream<Page> pages() {
        long proposal = node.sql().one("SELECT id FROM proposal WHERE title LIKE 'Sichere Radverbindung%'",
                r -> r.lng("id")).orElseThrow();
        long survey = node.sql().one("SELECT min(id) AS id FROM survey", r -> r.lng("id")).orElseThrow();
        return Stream.of(
                new Page("home", "/", false, "main h1"),
                new Page("project list", "/projekte", false, "li.ok-card"),
                new Page("project detail", "/projekte/neugestaltung-marktplatz", true,
                        "section.ok-comments form[action='/kommentare']"),
                new Page("proposal list", "/vorschlaege", false, "ol.ok-card-list li"),
                new Page("proposal detail", "/vorschlaege/" + proposal, true,
                        "form[action$='/unterstuetzen'], form[action$='/zurueckziehen']"),
                new Page("proposal form", "/vorschlaege/neu", true, "form[action='/vorschlaege'] #title"),
                new Page("survey", "/umfragen/" + survey, true, "main form input[type=radio]"),
                new Page("search results", "/suche?q=Marktplatz", false, "ol.ok-search-results li mark"),
                new Page("login", "/anmelden", false, "form[action='/anmelden'] #email"),
                new Page("registration", "/registrieren", false, "form[action='/registrieren'] #username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageHasNoViolations(Page page) {
        if (page.citizen() && !signedIn) {
            browser.signIn(node.baseUrl().toString(), EMAIL, PASSWORD);
            signedIn = true;
        } else if (!page.citizen() && signedIn) {
            browser.signOut();
            signedIn = false;
        }
        browser.open(node.url(page.path()));
        assertFalse(browser.driver().findElements(By.cssSelector(page.shows())).isEmpty(),
                page + " shows " + page.shows() + ":\n" + browser.text());
        Axe.Result result = browser.axe();
        assertTrue(result.clean(), result.describe());
    }
}
