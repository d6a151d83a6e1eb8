package de.offenekommune.node.addressee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/** Staff keep the addressees; admins set the proposal rules; everybody else is refused. */
class AddresseePagesTest {
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Adressatenstadt");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestBrowser staff() {
        return node.browser().signIn(cast.staff().email(), Fixtures.PASSWORD);
    }

    private static Map<String, String> fields(String name, String kind, String email, String account) {
        Map<String, String> f = new HashMap<>();
        f.put("name", name);
        f.put("kind", kind);
        f.put("description", "Zuständig für Schulen und Kitas.");
        f.put("email", email);
        f.put("account", account);
        return f;
    }

    private static long addressees() {
        return node.sql().count("SELECT count(*) FROM addressee");
    }

    @Test
    void staffCreateEditDeactivateAndActivate() {
        TestBrowser staff = staff();
        var created = staff.submit("/admin/adressaten/neu", "/admin/adressaten",
                fields("Schulamt", "DEPARTMENT", "schulamt@example.org", "carla"));
        assertEquals("/admin/adressaten?hinweis=addressee-saved", created.location());
        long id = node.sql().one("SELECT id FROM addressee WHERE name = 'Schulamt'", r -> r.lng("id")).orElseThrow();
        assertEquals(cast.carla().id(), node.sql().count("SELECT account_id FROM addressee WHERE id = ?", id));
        String list = staff.get("/admin/adressaten").body();
        assertTrue(list.contains("Schulamt") && list.contains("schulamt@example.org") && list.contains("Carla Klein"));

        String edit = staff.get("/admin/adressaten/" + id).body();
        assertTrue(edit.contains("value=\"carla\""), "the linked account is shown by user name");
        var renamed = staff.post("/admin/adressaten/" + id, staff.withCsrf(fields("Schul- und Sportamt", "DEPARTMENT",
                "", "")));
        assertEquals(303, renamed.status(), renamed.body());
        assertEquals(0, node.sql().count("SELECT count(*) FROM addressee WHERE id = ? AND (email IS NOT NULL "
                + "OR account_id IS NOT NULL)", id), "e-mail and link can be removed");

        TestBrowser anna = node.browser().signIn(cast.anna().email(), Fixtures.PASSWORD);
        assertTrue(anna.get("/vorschlaege/neu").body().contains("Schul- und Sportamt"));
        staff.get("/admin/adressaten");
        assertEquals("/admin/adressaten?hinweis=addressee-deactivated",
                staff.post("/admin/adressaten/" + id + "/deaktivieren", staff.withCsrf(Map.of())).location());
        assertFalse(anna.get("/vorschlaege/neu").body().contains("Schul- und Sportamt"), "no longer offered");
        assertTrue(staff.get("/admin/adressaten").body().contains("inaktiv"));
        staff.post("/admin/adressaten/" + id + "/aktivieren", staff.withCsrf(Map.of()));
        assertTrue(anna.get("/vorschlaege/neu").body().contains("Schul- und Sportamt"));
    }

    @Test
    void badInputIs400AndWritesNothing() {
        TestBrowser staff = staff();
        long before = addressees();
        Map<String, String> cases = Map.of(
                "Es gibt schon einen Adressaten mit diesem Namen.", "BAUAMT|DEPARTMENT|x@example.org|",
                "Bitte geben Sie einen Namen mit 2 bis 150 Zeichen ein.", "|DEPARTMENT||",
                "Bitte wählen Sie eine Art.", "Sportverein|CLUB||",
                "Bitte geben Sie eine gültige E-Mail-Adresse ein.", "Sportamt|DEPARTMENT|keine-adresse|",
                "Ein Konto mit diesem Benutzernamen oder dieser E-Mail-Adresse gibt es nicht.",
                "Sportamt|DEPARTMENT||niemand");
        for (var c : cases.entrySet()) {
            String[] v = c.getValue().split("\\|", -1);
            var r = staff.submit("/admin/adressaten/neu", "/admin/adressaten", fields(v[0], v[1], v[2], v[3]));
            assertEquals(400, r.status(), c.getKey());
            assertTrue(r.body().contains(c.getKey()), c.getKey() + "\n" + r.body());
        }
        var rename = staff.post("/admin/adressaten/" + cast.umwelt().id(),
                staff.withCsrf(fields("Bauamt", "COMMITTEE", "", "")));
        assertEquals(400, rename.status(), "renaming onto another addressee's name");
        assertEquals(404, staff.post("/admin/adressaten/99999999", staff.withCsrf(fields("Neu", "COMMITTEE", "", "")))
                .status());
        assertEquals(400, staff.get("/admin/adressaten/abc").status());
        assertEquals(before, addressees());
        assertEquals("Ausschuss für Umwelt und Verkehr", node.components().participation().addressees()
                .byId(cast.umwelt().id()).orElseThrow().name());
    }

    @Test
    void citizensAndAnonymousVisitorsAreRefused() {
        TestBrowser ben = node.browser().signIn(cast.ben().email(), Fixtures.PASSWORD);
        assertEquals(403, ben.get("/admin/adressaten").status());
        assertEquals(403, ben.get("/admin/adressaten/neu").status());
        ben.get("/vorschlaege");
        assertEquals(403, ben.post("/admin/adressaten", ben.withCsrf(fields("Mein Amt", "DEPARTMENT", "", "")))
                .status());
        assertEquals(403, ben.post("/admin/adressaten/" + cast.bauamt().id() + "/deaktivieren",
                ben.withCsrf(Map.of())).status());
        assertEquals(303, node.browser().get("/admin/adressaten").status());
        assertTrue(node.components().participation().addressees().byId(cast.bauamt().id()).orElseThrow().active());
        assertEquals(0, node.sql().count("SELECT count(*) FROM addressee WHERE name = 'Mein Amt'"));
    }

    @Test
    void adminsSetThresholdAndDeadlineForNewProposals() {
        TestBrowser staff = staff();
        assertEquals(403, staff.get("/admin/einstellungen").status(), "staff do not configure the node");
        TestBrowser admin = node.browser().signIn(cast.admin().email(), Fixtures.PASSWORD);
        String form = admin.get("/admin/einstellungen").body();
        assertTrue(form.contains("value=\"50\"") && form.contains("value=\"8\""), "the configured defaults");
        for (var bad : new String[][] {{"0", "8"}, {"abc", "8"}, {"50", "105"}, {"50", ""}}) {
            var r = admin.post("/admin/einstellungen", admin.withCsrf(Map.of("threshold", bad[0], "weeks", bad[1])));
            assertEquals(400, r.status(), String.join("/", bad));
        }
        var saved = admin.post("/admin/einstellungen", admin.withCsrf(Map.of("threshold", "3", "weeks", "4")));
        assertEquals("/admin/einstellungen?hinweis=settings-saved", saved.location());
        long id = Fixtures.proposal(node, cast.anna(), "Nach den neuen Regeln", cast.bauamt());
        assertEquals(3, node.sql().count("SELECT support_threshold FROM proposal WHERE id = ?", id));
        assertEquals(28, node.sql().count("SELECT round(extract(epoch FROM support_deadline - created_at) / 86400) "
                + "FROM proposal WHERE id = ?", id));
        assertTrue(node.browser().get("/vorschlaege/" + id).body().contains("Noch 3 Unterstützungen bis zum"));
        TestBrowser anna = node.browser().signIn(cast.anna().email(), Fixtures.PASSWORD);
        assertTrue(anna.get("/vorschlaege/neu").body()
                .contains("Erhält er 3 Unterstützungen innerhalb von 4 Wochen"));
        admin.post("/admin/einstellungen", admin.withCsrf(Map.of("threshold", "50", "weeks", "8")));
    }
}
