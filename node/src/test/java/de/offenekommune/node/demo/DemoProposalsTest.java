package de.offenekommune.node.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestNode;

/** The demo town's proposals, seeded through the services, show up as visitors will see them. */
class DemoProposalsTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt");
        new DemoSeeder(node.components()).seedIfEmpty();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theDemoTownHasAddresseesProposalsInEveryStatusSupportsAndDiscussions() {
        assertTrue(node.sql().count("SELECT count(*) FROM addressee WHERE active") >= 3);
        assertTrue(node.sql().count("SELECT count(*) FROM proposal") >= 5);
        for (String status : new String[] {"SUBMITTED", "IN_REVIEW", "ANSWERED"}) {
            assertTrue(node.sql().count("SELECT count(*) FROM proposal WHERE status = ?", status) > 0, status);
        }
        assertTrue(node.sql().count("SELECT count(*) FROM comment WHERE parent_id IS NOT NULL") > 0);
        assertEquals(node.sql().count("SELECT count(*) FROM support"),
                node.sql().count("SELECT sum(local_supports) FROM proposal"), "counters match the supports");

        String list = node.browser().get("/vorschlaege").body();
        assertTrue(list.contains("Sichere Radverbindung zwischen Bahnhof und Schulzentrum"), list);
        long brunnen = node.sql().one("SELECT id FROM proposal WHERE title = 'Trinkwasserbrunnen in der Innenstadt'",
                r -> r.lng("id")).orElseThrow();
        String page = node.browser().get("/vorschlaege/" + brunnen).body();
        assertTrue(page.contains("Offizielle Antwort") && page.contains("Antwort von Bauamt"), page);
        assertTrue(page.contains("Beantwortet: angenommen"));
    }

    @Test
    void everyTextIsTranslatedInGermanAndEnglish() {
        long discussed = node.sql().one("SELECT id FROM proposal WHERE title LIKE 'Sichere Radverbindung%'",
                r -> r.lng("id")).orElseThrow();
        var staff = node.browser().signIn("bauamt@musterstadt.example", DemoSeeder.DEMO_PASSWORD);
        for (String lang : new String[] {"de", "en"}) {
            staff.get("/");
            staff.post("/sprache", staff.withCsrf(java.util.Map.of("lang", lang, "back", "/")));
            for (String path : new String[] {"/vorschlaege", "/vorschlaege/" + discussed, "/vorschlaege/neu",
                    "/moderation", "/moderationsprotokoll", "/admin/adressaten", "/admin/adressaten/neu",
                    "/barrierefreiheit", "/impressum", "/datenschutz"}) {
                var r = staff.get(path);
                assertEquals(200, r.status(), path);
                assertTrue(r.body().contains("lang=\"" + lang + "\""), path);
                assertTrue(!r.body().contains("??"), lang + " " + path + " has a missing text");
            }
        }
        assertTrue(staff.get("/vorschlaege").body().contains("Most supported first"));
    }
}
