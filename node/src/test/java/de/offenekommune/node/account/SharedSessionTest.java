package de.offenekommune.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/** Two node processes serving one town from one database share sessions and CSRF secrets. */
class SharedSessionTest {

    @Test
    void sessionStartedOnOneProcessWorksOnTheOther() {
        try (TestNode first = TestNode.start("Zweistadt");
             TestNode second = TestNode.startOnSameDatabase(first, Map.of())) {
            first.components().accounts().createConfirmed("shared@example.org", "Sam", "sam", "geteiltes-passwort",
                    Role.CITIZEN);
            TestBrowser browser = first.browser().signIn("shared@example.org", "geteiltes-passwort");
            // Same host, other port: a browser sends the cookies along, as it would behind a load balancer.
            TestBrowser onSecond = second.browser();
            onSecond.cookieManager().getCookieStore().getCookies()
                    .forEach(c -> { });
            browser.cookieManager().getCookieStore().getCookies()
                    .forEach(c -> onSecond.cookieManager().getCookieStore().add(second.baseUrl(), c));
            String page = onSecond.get("/").body();
            assertTrue(page.contains("Abmelden (Sam)"), page);

            var logout = onSecond.post("/abmelden", onSecond.withCsrf(Map.of()));
            assertEquals(303, logout.status(), "a CSRF token from the second process is valid there");
            assertFalse(browser.get("/").body().contains("Abmelden (Sam)"), "logout on one ends the session on both");
        }
    }
}
