package de.offenekommune.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.offenekommune.node.testing.Axe;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core in a real Chromium on the account pages beyond the main list of {@link MainPagesAxeTest}:
 * password reset, the error page, and the sign-in form shown with an error.
 */
class AccessibilityTest {
    private static TestNode node;
    private static Browser browser;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt", java.util.Map.of("node.demo", "true"));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        node.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/passwort-vergessen", "/gibt-es-nicht"})
    void pageHasNoViolations(String path) {
        browser.open(node.url(path));
        Axe.Result result = browser.axe();
        assertTrue(result.clean(), result.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/anmelden"})
    void formWithErrorsHasNoViolations(String path) {
        browser.open(node.url(path));
        browser.fill("email", "niemand@example.org");
        browser.fill("password", "falsches-passwort");
        browser.submit(org.openqa.selenium.By.cssSelector("form.ok-form button[type=submit]"));
        assertTrue(browser.text().contains("E-Mail-Adresse oder Passwort stimmen nicht"), browser.text());
        assertEquals("true", browser.find(org.openqa.selenium.By.id("email")).getAttribute("aria-invalid"));
        Axe.Result result = browser.axe();
        assertTrue(result.clean(), result.describe());
    }
}
