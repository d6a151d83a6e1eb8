package de.offenekommune.node.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/** The accessibility statement, imprint and privacy page: placeholders until the operator writes them. */
class LegalPagesTest {
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Rechtsstadt");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theAccessibilityStatementFollowsTheEuModelInBothLanguages() {
        String de = node.browser().get("/barrierefreiheit").body();
        assertTrue(de.contains("<h1 class=\"kern-heading-large\">Erklärung zur Barrierefreiheit</h1>"), de);
        for (String section : new String[] {"Stand der Vereinbarkeit mit den Anforderungen",
                "Nicht barrierefreie Inhalte",
                "Erstellung dieser Erklärung", "Feedback und Kontaktangaben", "Durchsetzungsverfahren"}) {
            assertTrue(de.contains("<h2>" + section + "</h2>"), section);
        }
        assertTrue(de.contains("Vorlage – bitte anpassen."));
        assertTrue(de.contains("Rechtsstadt ist bemüht"), "the town's name is filled in");
        assertTrue(de.contains("Schlichtungsstelle"));
        TestBrowser english = node.browser();
        english.get("/");
        english.post("/sprache", english.withCsrf(Map.of("lang", "en", "back", "/barrierefreiheit")));
        String page = english.get("/barrierefreiheit").body();
        assertTrue(page.contains("Accessibility statement") && page.contains("<h2>Compliance status</h2>")
                && page.contains("<h2>Enforcement procedure</h2>"), page);
        assertTrue(node.browser().get("/impressum").body().contains("Angaben nach § 5 Digitale-Dienste-Gesetz"));
        assertTrue(node.browser().get("/datenschutz").body().contains("Vorlage – bitte anpassen."));
    }

    @Test
    void adminsWriteAPageResetItAndOthersCannot() {
        TestBrowser admin = node.browser().signIn(cast.admin().email(), Fixtures.PASSWORD);
        String overview = admin.get("/admin/seiten").body();
        assertTrue(overview.contains("Vorlage, noch nicht angepasst"));
        String form = admin.get("/admin/seiten/impressum/de").body();
        assertTrue(form.contains("Angaben nach § 5"), "the editor starts from the placeholder");
        var saved = admin.post("/admin/seiten/impressum/de", admin.withCsrf(Map.of("markdown",
                "## Herausgeberin\n\nStadt Rechtsstadt, Marktplatz 1\n\n<script>alert(1)</script>")));
        assertEquals("/admin/seiten?hinweis=legal-saved", saved.location());
        String page = node.browser().get("/impressum").body();
        assertTrue(page.contains("<h2>Herausgeberin</h2>") && page.contains("Marktplatz 1"), page);
        assertFalse(page.contains("<script>alert"));
        assertTrue(page.contains("Zuletzt geändert am"));
        assertFalse(page.contains("Vorlage – bitte anpassen."));
        assertTrue(admin.get("/admin/seiten").body().contains("Angepasst am"));

        var empty = admin.post("/admin/seiten/impressum/de", admin.withCsrf(Map.of("markdown", " ")));
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Bitte geben Sie einen Text ein."));
        assertEquals(404, admin.get("/admin/seiten/agb/de").status());
        assertEquals(404, admin.get("/admin/seiten/impressum/fr").status());

        TestBrowser staff = node.browser().signIn(cast.staff().email(), Fixtures.PASSWORD);
        assertEquals(403, staff.get("/admin/seiten").status());
        staff.get("/");
        assertEquals(403, staff.post("/admin/seiten/impressum/de", staff.withCsrf(Map.of("markdown", "Gekapert")))
                .status());
        assertTrue(node.browser().get("/impressum").body().contains("Marktplatz 1"));

        admin.get("/admin/seiten/impressum/de");
        assertEquals("/admin/seiten?hinweis=legal-reset",
                admin.post("/admin/seiten/impressum/de/zuruecksetzen", admin.withCsrf(Map.of())).location());
        assertTrue(node.browser().get("/impressum").body().contains("Vorlage – bitte anpassen."));
    }
}
