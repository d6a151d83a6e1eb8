package de.offenekommune.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestMail;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.web.Cookies;

/** Registration, confirmation, login and logout over real HTTP and real SMTP, and every way they can go wrong. */
class AccountFlowTest {
    private static TestMail mail;
    private static TestNode node;

    @BeforeAll
    static void start() {
        mail = new TestMail();
        java.util.Map<String, String> config = new java.util.HashMap<>(mail.nodeConfig());
        config.put("security.login-attempts", "5");
        node = TestNode.start("Musterstadt", config);
    }

    @AfterAll
    static void stop() {
        node.close();
        mail.close();
    }

    private long accounts() {
        return node.sql().count("SELECT count(*) FROM account");
    }

    private static Map<String, String> registration(String email, String username) {
        return Map.of("displayName", "Erika Mustermann", "username", username, "email", email,
                "password", "ein-sicheres-passwort");
    }

    @Test
    void registerConfirmLoginLogout() {
        TestBrowser browser = node.browser();
        var registered = browser.submit("/registrieren", "/registrieren", registration("erika@example.org", "erika"));
        assertEquals(200, registered.status());
        assertTrue(registered.body().contains("Bitte bestätigen Sie Ihre E-Mail-Adresse"), registered.body());

        TestMail.Received confirmation = mail.awaitTo("erika@example.org", 1);
        assertEquals("erika@example.org", confirmation.to());
        assertTrue(confirmation.subject().contains("Musterstadt"), confirmation.subject());
        assertTrue(confirmation.body().startsWith("Hallo Erika Mustermann"), confirmation.body());
        String link = confirmation.link("/bestaetigen?token=");
        assertTrue(link.startsWith(node.baseUrl().toString()), link);

        var unconfirmedLogin = browser.submit("/anmelden", "/anmelden",
                Map.of("email", "erika@example.org", "password", "ein-sicheres-passwort"));
        assertEquals(403, unconfirmedLogin.status());
        assertTrue(unconfirmedLogin.body().contains("Bitte bestätigen Sie zuerst"), unconfirmedLogin.body());
        assertNull(browser.cookie(Cookies.SESSION));

        var confirmed = browser.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
        assertEquals(303, confirmed.status());
        assertEquals("/anmelden?hinweis=confirmed", confirmed.location());
        assertEquals(400, browser.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()).status(),
                "a confirmation link works once");

        var login = browser.submit("/anmelden", "/anmelden",
                Map.of("email", "ERIKA@example.org", "password", "ein-sicheres-passwort"));
        assertEquals(303, login.status());
        assertNotNull(browser.cookie(Cookies.SESSION));
        String home = browser.get("/").body();
        assertTrue(home.contains("Abmelden (Erika Mustermann)"), home);

        var logout = browser.post("/abmelden", browser.withCsrf(Map.of()));
        assertEquals(303, logout.status());
        assertFalse(browser.get("/").body().contains("Abmelden (Erika Mustermann)"));
        assertEquals(0, node.sql().count("SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id "
                + "WHERE a.email = 'erika@example.org'"));
    }

    @Test
    void wrongPasswordIsRefusedWithoutSession() {
        node.components().accounts().createConfirmed("max@example.org", "Max", "max", "richtiges-passwort", Role.CITIZEN);
        TestBrowser browser = node.browser();
        var r = browser.submit("/anmelden", "/anmelden", Map.of("email", "max@example.org", "password", "falsches-passwort"));
        assertEquals(401, r.status());
        assertTrue(r.body().contains("E-Mail-Adresse oder Passwort stimmen nicht"), r.body());
        assertNull(browser.cookie(Cookies.SESSION));
        var unknown = browser.submit("/anmelden", "/anmelden", Map.of("email", "nobody@example.org", "password", "x"));
        assertEquals(401, unknown.status());
    }

    @Test
    void duplicateEmailCreatesNothingAndTellsTheOwner() {
        node.components().accounts().createConfirmed("doppelt@example.org", "Dora", "dora", "richtiges-passwort",
                Role.CITIZEN);
        long before = accounts();
        var r = node.browser().submit("/registrieren", "/registrieren", registration("Doppelt@example.org", "dora2"));
        assertEquals(200, r.status(), "the form does not reveal that the address is registered");
        assertEquals(before, accounts());
        TestMail.Received notice = mail.awaitTo("doppelt@example.org", 1);
        assertEquals("doppelt@example.org", notice.to());
        assertTrue(notice.body().contains("Sie haben schon ein Konto"), notice.body());
    }

    @Test
    void takenUserNameIsAFieldError() {
        node.components().accounts().createConfirmed("first@example.org", "First", "vergeben", "richtiges-passwort",
                Role.CITIZEN);
        long before = accounts();
        var r = node.browser().submit("/registrieren", "/registrieren", registration("second@example.org", "vergeben"));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Dieser Benutzername ist schon vergeben"), r.body());
        assertEquals(before, accounts());
    }

    @Test
    void missingOrForeignCsrfTokenIsRefusedAndChangesNothing() {
        long before = accounts();
        TestBrowser browser = node.browser();
        browser.get("/registrieren");
        var noToken = browser.post("/registrieren", registration("csrf@example.org", "csrf_user"));
        // post() adds no token by itself: only withCsrf() does
        assertEquals(403, noToken.status());
        assertTrue(noToken.body().contains("Das Formular ist abgelaufen"), noToken.body());

        TestBrowser other = node.browser();
        other.get("/registrieren");
        Map<String, String> stolen = new java.util.HashMap<>(registration("csrf@example.org", "csrf_user"));
        stolen.put("_csrf", other.csrf());
        assertEquals(403, browser.post("/registrieren", stolen).status(), "a token is bound to its visitor");
        assertEquals(before, accounts());
    }

    @Test
    void tooLongFieldIsRefusedAndChangesNothing() {
        long before = accounts();
        var r = node.browser().submit("/registrieren", "/registrieren",
                registration("long@example.org", "long_user").entrySet().stream().collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> e.getKey().equals("displayName") ? "x".repeat(81) : e.getValue())));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Die Eingabe ist zu lang"), r.body());
        assertTrue(r.body().contains("aria-invalid=\"true\""), "the field is marked for assistive technology");
        assertEquals(before, accounts());
    }

    @Test
    void malformedFormsAreRefused() {
        TestBrowser browser = node.browser();
        browser.get("/registrieren");
        var r = browser.postRaw("/registrieren", "application/x-www-form-urlencoded", "%%%=%");
        assertTrue(r.status() == 400 || r.status() == 403, "status " + r.status());
        var shortPassword = browser.submit("/registrieren", "/registrieren",
                Map.of("displayName", "A", "username", "shorty", "email", "short@example.org", "password", "kurz"));
        assertEquals(400, shortPassword.status());
        assertTrue(shortPassword.body().contains("mindestens 10 Zeichen"));
    }

    @Test
    void burstOfLoginsIsThrottled() {
        node.components().accounts().createConfirmed("burst@example.org", "Burst", "burst", "richtiges-passwort",
                Role.CITIZEN);
        TestBrowser browser = node.browser();
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            var r = browser.submit("/anmelden", "/anmelden", Map.of("email", "burst@example.org", "password", "falsch-" + i));
            if (r.status() == 429) {
                refused++;
                assertTrue(r.body().contains("Zu viele Versuche"), r.body());
                assertEquals("60", r.header("Retry-After"));
            } else {
                assertEquals(401, r.status());
            }
        }
        assertEquals(3, refused, "5 attempts per address and window, then 429");
        var correct = browser.submit("/anmelden", "/anmelden",
                Map.of("email", "burst@example.org", "password", "richtiges-passwort"));
        assertEquals(429, correct.status(), "even the right password waits until the window passes");
        assertNull(browser.cookie(Cookies.SESSION));
    }

    @Test
    void passwordResetSetsANewPasswordAndEndsSessions() {
        node.components().accounts().createConfirmed("reset@example.org", "Rita", "rita", "altes-passwort-1",
                Role.CITIZEN);
        TestBrowser old = node.browser().signIn("reset@example.org", "altes-passwort-1");
        TestBrowser browser = node.browser();
        var requested = browser.submit("/passwort-vergessen", "/passwort-vergessen", Map.of("email", "reset@example.org"));
        assertEquals(200, requested.status());
        String link = mail.awaitTo("reset@example.org", 1).link("/passwort-neu?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        var reset = browser.submit("/passwort-neu?token=" + token, "/passwort-neu",
                Map.of("token", token, "password", "neues-passwort-2"));
        assertEquals(303, reset.status());
        assertFalse(old.get("/").body().contains("Abmelden (Rita)"), "old sessions end with the reset");
        node.browser().signIn("reset@example.org", "neues-passwort-2");
        var reuse = browser.submit("/passwort-neu?token=" + token, "/passwort-neu",
                Map.of("token", token, "password", "drittes-passwort-3"));
        assertEquals(400, reuse.status(), "a reset link works once");
    }
}
