package de.offenekommune.node.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.node.verification.VerificationRequest;

/**
 * axe-core (WCAG 2.1 A/AA) on the verification pages: the organisation's set-up and overview, the
 * request form (also with field errors), the admins' review list, a request, the audit log, the badge
 * explanation (verified, not verified, unknown), an organisation's profile and a proposal with a
 * statement and the statement form.
 */
class VerificationPagesAxeTest {
    private static TestNode node;
    private static Browser browser;
    private static Fixtures.Cast cast;
    private static Organisation verified;
    private static VerificationRequest open;
    private static long proposal;
    private static Account verifiedHolder;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt");
        cast = Fixtures.musterstadt(node);
        verifiedHolder = node.components().accounts().createConfirmed("werke@example.org", "Wera Werk", "werke",
                Fixtures.PASSWORD, Role.CITIZEN);
        verified = Verifications.verifiedOrganisation(node, cast.admin(), verifiedHolder, "Stadtwerke Musterstadt",
                "stadtwerke.test");
        Account openHolder = node.components().accounts().createConfirmed("fraktion@example.org", "Fritz Fraktion",
                "fraktion", Fixtures.PASSWORD, Role.CITIZEN);
        open = Verifications.openRequest(node, openHolder, "Fraktion Grüne Mitte", "gruene-mitte.test");
        proposal = Fixtures.proposal(node, cast.anna(), "Ladesäulen am Bahnhof", cast.bauamt());
        node.components().organisations().statements().add(verifiedHolder, "proposal", proposal,
                "Die Stadtwerke bauen **vier** Ladesäulen.", null);
        node.components().accounts().createConfirmed("neu@example.org", "Nora Neu", "nora", Fixtures.PASSWORD,
                Role.CITIZEN);
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
        browser.open(node.url(path));
        return browser.violations(path);
    }

    @Test
    void verificationPagesHaveNoViolations() {
        String actor = node.url(verified.path());
        List<String> found = new ArrayList<>();
        found.addAll(check(verified.path()));
        found.addAll(check("/verifizierung/pruefen?actor=" + actor));
        found.addAll(check("/verifizierung/pruefen?actor=" + node.url("/profil/anna")));
        node.components().verification().reviews().revoke(cast.admin(),
                node.sql().count("SELECT id FROM verification_request WHERE state = 'APPROVED'"), "Test des Widerrufs.");
        found.addAll(check("/verifizierung/pruefen?actor=" + actor));
        found.addAll(check("/vorschlaege/" + proposal));

        browser.signIn(node.baseUrl().toString(), "neu@example.org", Fixtures.PASSWORD);
        found.addAll(check("/organisation"));
        browser.driver().findElement(By.id("name")).sendKeys("Kulturverein Musterstadt");
        browser.submit(By.cssSelector("form.ok-form button[type=submit]"));
        found.addAll(check("/organisation"));
        found.addAll(check("/organisation/verifizierung"));
        browser.submit(By.cssSelector("form.ok-form button[type=submit]"));
        browser.axe().violations().forEach(v -> found.add("request form with errors -> " + v));
        assertEquals(1, browser.driver().findElements(By.id("fehler")).size(), "the form came back with errors");
        browser.signOut();

        browser.signIn(node.baseUrl().toString(), cast.admin().email(), Fixtures.PASSWORD);
        for (String path : List.of("/admin/verifizierung", "/admin/verifizierung/" + open.id(),
                "/admin/verifizierung/protokoll")) {
            found.addAll(check(path));
        }
        browser.open(node.url("/admin/verifizierung/" + open.id()));
        browser.submit(By.cssSelector("form[action$='/ablehnen'] button[type=submit]"));
        browser.axe().violations().forEach(v -> found.add("rejection without reason -> " + v));
        assertEquals(1, browser.driver().findElements(By.id("fehler")).size(), "the rejection came back with errors");
        assertEquals(0, found.size(), String.join("\n", found));
    }
}
