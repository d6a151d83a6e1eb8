package de.offenekommune.node.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A/AA) on the data rights pages: "Meine Daten", the deletion form (also with its
 * error summary after a wrong password), the admin's account page, and the 410 page of a deleted profile.
 */
class DataRightsPagesAxeTest {
    private static TestNode node;
    private static Browser browser;
    private static Account citizen;

    @BeforeAll
    static void start() {
        node = TestNode.start("Barrierestadt");
        node.components().accounts().createConfirmed("admin@example.org", "Ada Admin", "ada", "admin-passwort-1",
                Role.ADMIN);
        citizen = node.components().accounts().createConfirmed("bea@example.org", "Bea Bürgerin", "bea",
                "buerger-passwort-1", Role.CITIZEN);
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

    @Test
    void dataRightsPagesHaveNoViolations() {
        browser.signIn(node.baseUrl().toString(), "bea@example.org", "buerger-passwort-1");
        List<String> found = new ArrayList<>(browser.violationsAt(node.url("/konto/daten")));
        assertTrue(browser.text().contains("Meine Daten herunterladen"), browser.text());
        found.addAll(browser.violationsAt(node.url("/konto/loeschen")));
        browser.fill("password", "falsches-passwort");
        browser.submit(By.cssSelector("form.ok-form button[type=submit]"));
        assertTrue(browser.text().contains("Das Passwort ist falsch"), browser.text());
        found.addAll(browser.violations("/konto/loeschen (error)"));
        browser.signOut();
        browser.signIn(node.baseUrl().toString(), "admin@example.org", "admin-passwort-1");
        found.addAll(browser.violationsAt(node.url("/admin/konten/" + citizen.id())));
        assertTrue(browser.text().contains("bea@example.org"), browser.text());
        found.addAll(browser.violationsAt(node.url("/admin/rollen")));
        browser.open(node.url("/admin/konten/" + citizen.id()));
        browser.fill("password", "admin-passwort-1");
        browser.submit(By.cssSelector("form.ok-form button[type=submit]"));
        found.addAll(browser.violationsAt(node.url("/profil/bea")));
        assertTrue(browser.text().contains("Dieses Konto wurde gelöscht"), browser.text());
        assertEquals(0, found.size(), String.join("\n", found));
    }
}
