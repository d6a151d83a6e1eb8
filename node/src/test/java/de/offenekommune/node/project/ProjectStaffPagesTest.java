package de.offenekommune.node.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.topic.Topic;

/** Staff create, edit and delete projects, phases, links and news; nobody else can; bad input writes nothing. */
class ProjectStaffPagesTest {
    private static TestNode node;
    private static TestContent content;

    @BeforeAll
    static void start() {
        node = TestNode.start("Verwaltungsstadt");
        content = new TestContent(node);
        node.components().accounts().createConfirmed("staff@example.org", "Bauamt", "bauamt", "staff-passwort-1",
                Role.STAFF);
        node.components().accounts().createConfirmed("citizen@example.org", "Clara", "clara", "citizen-passwort-1",
                Role.CITIZEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestBrowser staff() {
        return node.browser().signIn("staff@example.org", "staff-passwort-1");
    }

    private static long count(String table) {
        return node.sql().count("SELECT count(*) FROM " + table);
    }

    private static Map<String, String> projectForm(String title) {
        Map<String, String> f = new HashMap<>();
        f.put("kind", "PLANNING");
        f.put("title", title);
        f.put("summary", "Ein neues Wohngebiet am Stadtrand.");
        f.put("description", "Der Plan sieht **120 Wohnungen** vor.");
        f.put("topics", "BUILDING");
        f.put("department", "Stadtplanungsamt");
        f.put("locationName", "Am Mühlbach");
        f.put("latitude", "51,2345");
        f.put("longitude", "9.8765");
        return f;
    }

    @Test
    void anonymousIsSentToLoginAndCannotPost() {
        TestBrowser anon = node.browser();
        var form = anon.get("/verwaltung/projekte/neu");
        assertEquals(303, form.status());
        assertEquals("/anmelden?weiter=%2Fverwaltung%2Fprojekte%2Fneu", form.location());
        long before = count("project");
        anon.get("/");
        assertEquals(401, anon.post("/verwaltung/projekte", anon.withCsrf(projectForm("Heimlich"))).status());
        assertEquals(before, count("project"));
    }

    @Test
    void citizenGets403EverywhereAndWritesNothing() {
        Project p = content.project("Nur für die Verwaltung");
        TestBrowser citizen = node.browser().signIn("citizen@example.org", "citizen-passwort-1");
        for (String path : List.of("/verwaltung/projekte/neu", "/verwaltung/projekte/" + p.id(),
                "/verwaltung/projekte/" + p.id() + "/phasen/neu", "/verwaltung/projekte/" + p.id() + "/neuigkeiten/neu",
                "/verwaltung/termine/neu", "/verwaltung/projekte/" + p.id() + "/umfragen/neu")) {
            assertEquals(403, citizen.get(path).status(), path);
        }
        citizen.get("/");
        long before = count("project");
        assertEquals(403, citizen.post("/verwaltung/projekte", citizen.withCsrf(projectForm("Bürgerprojekt"))).status());
        assertEquals(403, citizen.post("/verwaltung/projekte/" + p.id() + "/loeschen", citizen.withCsrf(Map.of())).status());
        assertEquals(before, count("project"));
        assertFalse(node.components().projects().byId(p.id()).orElseThrow().deleted());
    }

    @Test
    void staffCreatesEditsAndDeletesAProjectWithItsParts() {
        TestBrowser staff = staff();
        var created = staff.submit("/verwaltung/projekte/neu", "/verwaltung/projekte",
                projectForm("Bebauungsplan Nr. 7 Sonnenhang"));
        assertEquals(303, created.status(), created.body());
        Project p = node.components().projects().visible("bebauungsplan-nr-7-sonnenhang");
        assertEquals("/verwaltung/projekte/" + p.id() + "?hinweis=project-created", created.location());
        assertEquals(ProjectKind.PLANNING, p.kind());
        assertEquals(51.2345, p.latitude(), 1e-9);
        assertEquals(List.of(Topic.BUILDING), p.topics());
        assertTrue(p.descriptionHtml().contains("<strong>120 Wohnungen</strong>"), p.descriptionHtml());

        Map<String, String> update = projectForm("Bebauungsplan Nr. 7 Sonnenhang (2. Entwurf)");
        update.put("latitude", "");
        update.put("longitude", "");
        var saved = staff.submit("/verwaltung/projekte/" + p.id(), "/verwaltung/projekte/" + p.id(), update);
        assertEquals(303, saved.status(), saved.body());
        Project changed = node.components().projects().byId(p.id()).orElseThrow();
        assertEquals("Bebauungsplan Nr. 7 Sonnenhang (2. Entwurf)", changed.title());
        assertEquals(p.slug(), changed.slug(), "the URL stays the same");
        assertEquals(null, changed.latitude());

        String base = "/verwaltung/projekte/" + p.id();
        assertEquals(303, staff.submit(base + "/phasen/neu", base + "/phasen", Map.of("kind", "PARTICIPATION",
                "title", "Öffentliche Auslegung", "startsOn", "2030-03-01", "endsOn", "2030-03-31")).status());
        Phase phase = node.components().projects().forEditing(p.id()).phases().getFirst();
        assertEquals("Öffentliche Auslegung", phase.title());
        assertEquals(303, staff.submit("/verwaltung/phasen/" + phase.id(), "/verwaltung/phasen/" + phase.id(),
                Map.of("kind", "PARTICIPATION", "title", "", "startsOn", "2030-03-01", "endsOn", "2030-04-15")).status());
        assertEquals("2030-04-15", node.components().projects().phase(phase.id()).endsOn().toString());

        assertEquals(303, staff.submit(base + "/links/neu", base + "/links",
                Map.of("title", "Planentwurf (PDF)", "url", "https://musterstadt.example/b7.pdf")).status());
        assertEquals(303, staff.submit(base + "/neuigkeiten/neu", base + "/neuigkeiten",
                Map.of("title", "Auslegung beginnt", "summary", "", "body", "Ab **März** liegt der Plan aus.",
                        "publishedAt", "")).status());
        ProjectDetail detail = node.components().projects().forEditing(p.id());
        assertEquals(1, detail.links().size());
        assertEquals("Ab März liegt der Plan aus.", detail.news().getFirst().summary(), "summary made from the text");

        Document edit = Jsoup.parse(staff.get(base).body());
        assertTrue(edit.text().contains("Planentwurf (PDF)"));
        assertTrue(edit.text().contains("Auslegung beginnt"));

        assertEquals(303, staff.post("/verwaltung/phasen/" + phase.id() + "/loeschen", staff.withCsrf(Map.of())).status());
        assertEquals(303, staff.post("/verwaltung/links/" + detail.links().getFirst().id() + "/loeschen",
                staff.withCsrf(Map.of())).status());
        long newsId = detail.news().getFirst().id();
        assertEquals(303, staff.post("/verwaltung/neuigkeiten/" + newsId + "/loeschen", staff.withCsrf(Map.of())).status());
        detail = node.components().projects().forEditing(p.id());
        assertTrue(detail.phases().isEmpty() && detail.links().isEmpty() && detail.news().isEmpty());

        var deleted = staff.post(base + "/loeschen", staff.withCsrf(Map.of()));
        assertEquals(303, deleted.status());
        assertEquals("/projekte?hinweis=project-deleted", deleted.location());
        assertEquals(410, staff.get(p.path()).status());
        assertEquals(404, staff.get(base).status(), "a deleted project is not edited");
    }

    @Test
    void invalidProjectsAreRefusedWithFieldErrorsAndWriteNothing() {
        TestBrowser staff = staff();
        long before = count("project");

        Map<String, String> tooLong = projectForm("x".repeat(201));
        var r = staff.submit("/verwaltung/projekte/neu", "/verwaltung/projekte", tooLong);
        assertEquals(400, r.status());
        Document page = Jsoup.parse(r.body());
        assertEquals("Die Eingabe ist zu lang.", page.selectFirst("#title-error").text());
        assertEquals("true", page.selectFirst("#title").attr("aria-invalid"));
        assertEquals("x".repeat(201), page.selectFirst("#title").val(), "what was typed comes back");
        assertEquals("#title", page.selectFirst("#fehler a").attr("href"), "the error summary links to the field");

        Map<String, String> unknownTopic = projectForm("Unbekanntes Thema");
        unknownTopic.put("topics", "ASTROLOGY");
        r = staff.submit("/verwaltung/projekte/neu", "/verwaltung/projekte", unknownTopic);
        assertEquals(400, r.status());
        assertTrue(Jsoup.parse(r.body()).selectFirst("#topics-error").text().contains("Auswahl gibt es nicht"));

        Map<String, String> badCoordinates = projectForm("Falsche Koordinaten");
        badCoordinates.put("latitude", "123");
        r = staff.submit("/verwaltung/projekte/neu", "/verwaltung/projekte", badCoordinates);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Der Breitengrad muss zwischen -90 und 90 liegen."));

        Map<String, String> noKind = projectForm("Ohne Art");
        noKind.put("kind", "PALACE");
        noKind.put("summary", "");
        r = staff.submit("/verwaltung/projekte/neu", "/verwaltung/projekte", noKind);
        assertEquals(400, r.status());
        page = Jsoup.parse(r.body());
        assertEquals(2, page.select("#fehler li").size(), "all errors at once: " + page.select("#fehler").text());

        assertEquals(before, count("project"));
    }

    @Test
    void invalidPhasesLinksAndNewsWriteNothing() {
        Project p = content.project("Prüfprojekt");
        TestBrowser staff = staff();
        String base = "/verwaltung/projekte/" + p.id();
        long phases = count("project_phase");
        long links = count("project_link");
        long news = count("project_news");

        var r = staff.submit(base + "/phasen/neu", base + "/phasen",
                Map.of("kind", "INFORMATION", "startsOn", "2030-05-01", "endsOn", "2030-04-01"));
        assertEquals(400, r.status());
        assertEquals("Das Ende darf nicht vor dem Beginn liegen.", Jsoup.parse(r.body()).selectFirst("#endsOn-error").text());
        r = staff.submit(base + "/phasen/neu", base + "/phasen",
                Map.of("kind", "INFORMATION", "startsOn", "1. Mai", "endsOn", "2030-04-01"));
        assertEquals(400, r.status());

        for (String url : List.of("javascript:alert(1)", "ftp://example.org/plan.pdf", "/relative", "https://",
                "data:text/html,x")) {
            r = staff.submit(base + "/links/neu", base + "/links", Map.of("title", "Link", "url", url));
            assertEquals(400, r.status(), url);
            assertTrue(r.body().contains("mit http:// oder https:// beginnt"), url);
        }

        r = staff.submit(base + "/neuigkeiten/neu", base + "/neuigkeiten",
                Map.of("title", "", "summary", "", "body", "", "publishedAt", "morgen"));
        assertEquals(400, r.status());
        assertEquals(3, Jsoup.parse(r.body()).select("#fehler li").size());

        assertEquals(phases, count("project_phase"));
        assertEquals(links, count("project_link"));
        assertEquals(news, count("project_news"));
        assertEquals(p.updatedAt(), node.components().projects().byId(p.id()).orElseThrow().updatedAt());
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        TestBrowser staff = staff();
        staff.get("/verwaltung/projekte/neu");
        long before = count("project");
        assertEquals(403, staff.post("/verwaltung/projekte", projectForm("Ohne Token")).status());
        assertEquals(before, count("project"));
    }
}
