package de.offenekommune.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestNode;

/** Every staff API endpoint with a valid staff token, checked against the database. */
class ApiEndpointsTest {
    private static TestNode node;
    private static TestApi api;

    @BeforeAll
    static void start() {
        node = TestNode.start("Endpunktstadt");
        Account admin = node.components().accounts().createConfirmed("admin@example.org", "Admin", "admin",
                "admin-passwort-1", Role.ADMIN);
        node.components().accounts().createConfirmed("cms@example.org", "CMS", "cms", "staff-passwort-1", Role.STAFF);
        api = new TestApi(node.baseUrl(), node.components().apiTokens().create(admin, "Test", "cms").value());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String path(TestApi.Response created) {
        return created.header("Location").replace(node.baseUrl().toString(), "");
    }

    private static Map<String, Object> projectBody(String title) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PLANNING");
        body.put("title", title);
        body.put("summary", "Ein Plan für ein neues Quartier.");
        body.put("description", "Mit **Park**.");
        body.put("locationName", "Nordstadt");
        body.put("latitude", 51.5);
        body.put("longitude", 9.25);
        body.put("topics", List.of("BUILDING", "ENVIRONMENT"));
        body.put("department", "Stadtplanungsamt");
        body.put("phases", List.of(
                Map.of("kind", "INFORMATION", "startsOn", today.minusDays(10).toString(),
                        "endsOn", today.minusDays(1).toString()),
                Map.of("kind", "PARTICIPATION", "title", "Auslegung", "startsOn", today.toString(),
                        "endsOn", today.plusDays(30).toString())));
        body.put("links", List.of(Map.of("title", "Entwurf", "url", "https://musterstadt.example/entwurf.pdf")));
        return body;
    }

    @Test
    void projects() {
        TestApi.Response created = api.post("/api/v1/projects", projectBody("Quartier Nord"));
        assertEquals(201, created.status(), created.body());
        JsonNode p = created.json();
        long id = p.get("id").asLong();
        assertEquals("/api/v1/projects/" + id, path(created));
        assertEquals("quartier-nord", p.get("slug").asText());
        assertEquals(node.url("/projekte/quartier-nord"), p.get("url").asText());
        assertEquals("<p>Mit <strong>Park</strong>.</p>", p.get("descriptionHtml").asText().strip());
        assertEquals(2, p.get("phases").size());
        assertEquals("Auslegung", p.get("phases").get(1).get("title").asText());
        assertEquals("https://musterstadt.example/entwurf.pdf", p.get("links").get(0).get("url").asText());
        assertEquals("[\"BUILDING\",\"ENVIRONMENT\"]", p.get("topics").toString());
        assertEquals(1, node.sql().count("SELECT count(*) FROM project WHERE id = ?", id));
        assertEquals(2, node.sql().count("SELECT count(*) FROM project_phase WHERE project_id = ?", id));

        JsonNode got = api.get("/api/v1/projects/" + id).json();
        assertEquals("Quartier Nord", got.get("title").asText());
        assertEquals(51.5, got.get("latitude").asDouble());

        JsonNode list = api.get("/api/v1/projects?limit=100").json();
        List<String> titles = new ArrayList<>();
        list.get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertTrue(titles.contains("Quartier Nord"));
        list.get("items").forEach(i -> {
            if (i.get("id").asLong() == id) {
                assertEquals("PARTICIPATION", i.get("currentPhase").asText());
            }
        });

        Map<String, Object> update = projectBody("Quartier Nord (überarbeitet)");
        update.put("phases", List.of());
        update.remove("links");
        TestApi.Response put = api.put("/api/v1/projects/" + id, update);
        assertEquals(200, put.status(), put.body());
        assertEquals("quartier-nord", put.json().get("slug").asText(), "the URL stays");
        assertEquals(0, put.json().get("phases").size(), "an empty list replaces the phases");
        assertEquals(1, put.json().get("links").size(), "links left out stay");

        assertEquals(204, api.delete("/api/v1/projects/" + id).status());
        assertEquals(1, node.sql().count("SELECT count(*) FROM project WHERE id = ? AND deleted_at IS NOT NULL", id));
        assertEquals(404, api.get("/api/v1/projects/" + id).status());
        assertEquals(404, api.delete("/api/v1/projects/" + id).status());
        assertEquals(404, api.put("/api/v1/projects/999999", projectBody("Nichts")).status());
        assertEquals(404, api.get("/api/v1/projects/abc").status());
    }

    @Test
    void unknownEndpointsAnswerInJson() {
        TestApi.Response r = api.get("/api/v1/proposals-or-whatever");
        assertEquals(404, r.status());
        assertEquals("api.error.no-endpoint", r.json().get("error").asText());
        assertEquals(404, api.raw("PATCH", "/api/v1/projects", "application/json", "{}".getBytes()).status());
        assertEquals(401, api.withToken(null).get("/api/v1/proposals-or-whatever").status(), "auth comes first");
    }

    @Test
    void projectListPages() {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.post("/api/v1/projects", Map.of("kind", "OTHER", "title", "Seite " + i,
                    "summary", "S")).status());
        }
        JsonNode first = api.get("/api/v1/projects?limit=2").json();
        assertEquals(2, first.get("items").size());
        String next = first.get("next").asText();
        assertTrue(next.startsWith("/api/v1/projects?after="), next);
        JsonNode second = api.get(next).json();
        long lastOfFirst = first.get("items").get(1).get("id").asLong();
        assertTrue(second.get("items").get(0).get("id").asLong() < lastOfFirst);
        assertEquals(400, api.get("/api/v1/projects?limit=0").status());
        assertEquals(400, api.get("/api/v1/projects?limit=1000").status());
        assertEquals(400, api.get("/api/v1/projects?after=x").status());
    }

    @Test
    void news() {
        long project = api.post("/api/v1/projects", Map.of("kind", "OTHER", "title", "Mit Neuigkeiten", "summary", "S"))
                .json().get("id").asLong();
        TestApi.Response created = api.post("/api/v1/projects/" + project + "/news",
                Map.of("title", "Es geht los", "summary", "Start der Arbeiten", "body", "Am **Montag**."));
        assertEquals(201, created.status(), created.body());
        JsonNode n = created.json();
        long id = n.get("id").asLong();
        assertEquals("/api/v1/news/" + id, path(created));
        assertEquals(node.url("/projekte/mit-neuigkeiten/neuigkeiten/" + id), n.get("url").asText());
        assertEquals(200, node.browser().get("/projekte/mit-neuigkeiten/neuigkeiten/" + id).status());

        String later = Instant.now().plus(Duration.ofDays(2)).toString();
        assertEquals(201, api.post("/api/v1/projects/" + project + "/news",
                Map.of("title", "Geplant", "summary", "Später", "publishedAt", later)).status());
        JsonNode list = api.get("/api/v1/projects/" + project + "/news").json();
        assertEquals(2, list.get("items").size(), "staff see scheduled posts too");

        TestApi.Response put = api.put("/api/v1/news/" + id, Map.of("title", "Es geht los!", "summary", "Neu"));
        assertEquals(200, put.status(), put.body());
        assertEquals("Es geht los!", api.get("/api/v1/news/" + id).json().get("title").asText());
        assertEquals(204, api.delete("/api/v1/news/" + id).status());
        assertEquals(404, api.get("/api/v1/news/" + id).status());
        assertEquals(410, node.browser().get("/projekte/mit-neuigkeiten/neuigkeiten/" + id).status());
        assertEquals(404, api.post("/api/v1/projects/999999/news", Map.of("title", "x", "summary", "y")).status());
        assertEquals(404, api.get("/api/v1/projects/999999/news").status());
    }

    @Test
    void eventsWithPaging() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "Bürgerversammlung",
                "startsAt", "2031-03-05T19:00:00+01:00", "endsAt", "2031-03-05T21:00:00+01:00",
                "placeName", "Stadthalle", "placeAddress", "Hallenweg 2"));
        TestApi.Response created = api.post("/api/v1/events", body);
        assertEquals(201, created.status(), created.body());
        JsonNode e = created.json();
        long id = e.get("id").asLong();
        assertEquals("2031-03-05T18:00:00Z", e.get("startsAt").asText());
        assertEquals(node.url("/termine/" + id + ".ics"), e.get("icsUrl").asText());
        assertEquals(200, api.get("/api/v1/events/" + id).status());
        assertEquals(201, api.post("/api/v1/events", body).status());
        JsonNode page = api.get("/api/v1/events?limit=1").json();
        assertEquals(1, page.get("items").size());
        assertFalse(page.get("next").isNull());

        body.put("title", "Bürgerversammlung (neuer Ort)");
        body.put("placeName", "Aula der Grundschule");
        TestApi.Response put = api.put("/api/v1/events/" + id, body);
        assertEquals(200, put.status(), put.body());
        assertEquals("Aula der Grundschule", node.components().eventService().visible(id).placeName());
        assertEquals(204, api.delete("/api/v1/events/" + id).status());
        assertEquals(404, api.get("/api/v1/events/" + id).status());
        body.put("projectId", 999999);
        TestApi.Response unknownProject = api.post("/api/v1/events", body);
        assertEquals(400, unknownProject.status());
        assertTrue(unknownProject.json().get("fields").has("projectId"));
    }

    @Test
    void surveysAndTheirResults() {
        long project = api.post("/api/v1/projects", Map.of("kind", "OTHER", "title", "Mit Umfrage", "summary", "S"))
                .json().get("id").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Was wünschen Sie sich?");
        body.put("intro", "Kurze Umfrage.");
        body.put("opensAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("closesAt", Instant.now().plus(Duration.ofDays(14)).toString());
        body.put("resultsVisibility", "AFTER_CLOSING");
        body.put("allowFediverse", true);
        body.put("questions", List.of(
                Map.of("kind", "SINGLE", "text", "Eine Wahl", "required", true, "options", List.of("A", "B")),
                Map.of("kind", "MULTIPLE", "text", "Mehrere", "options", List.of("X", "Y", "Z")),
                Map.of("kind", "TEXT", "text", "Sonst noch?")));
        TestApi.Response created = api.post("/api/v1/projects/" + project + "/surveys", body);
        assertEquals(201, created.status(), created.body());
        JsonNode s = created.json();
        long id = s.get("id").asLong();
        assertEquals("OPEN", s.get("state").asText());
        assertEquals(3, s.get("questions").size());
        assertEquals("B", s.get("questions").get(0).get("options").get(1).get("label").asText());
        assertTrue(s.get("allowFediverse").asBoolean());
        assertEquals(1, api.get("/api/v1/projects/" + project + "/surveys").json().get("items").size());

        body.remove("questions");
        body.put("title", "Was wünschen Sie sich? (verlängert)");
        TestApi.Response put = api.put("/api/v1/surveys/" + id, body);
        assertEquals(200, put.status(), put.body());
        assertEquals(3, put.json().get("questions").size(), "questions left out stay");

        SurveyService.SurveyWithQuestions sw = node.components().surveys().get(id);
        Account voter = node.components().accounts().createConfirmed("voter@example.org", "V", "voter",
                "citizen-passwort-1", Role.CITIZEN);
        node.components().responses().submit(sw, voter, Map.of(
                sw.questions().get(0).field(), List.of(String.valueOf(sw.questions().get(0).choices().get(1).id())),
                sw.questions().get(2).field(), List.of("Mehr Bänke")));
        JsonNode results = api.get("/api/v1/surveys/" + id + "/results").json();
        assertEquals(1, results.get("localResponses").asLong());
        assertEquals(0, results.get("remoteResponses").asLong());
        assertEquals(1, results.get("questions").get(0).get("options").get(1).get("local").asLong());
        assertEquals(1.0, results.get("questions").get(0).get("options").get(1).get("share").asDouble());
        assertEquals("Mehr Bänke", results.get("questions").get(2).get("texts").get(0).asText());

        body.put("questions", List.of(Map.of("kind", "TEXT", "text", "Neu")));
        TestApi.Response locked = api.put("/api/v1/surveys/" + id, body);
        assertEquals(409, locked.status());
        assertEquals("survey.error.has-responses", locked.json().get("error").asText());
        assertEquals(3, node.components().surveys().get(id).questions().size());

        assertEquals(204, api.delete("/api/v1/surveys/" + id).status());
        assertEquals(404, api.get("/api/v1/surveys/" + id).status());
        assertEquals(410, node.browser().get("/umfragen/" + id).status());
        assertEquals(404, api.get("/api/v1/projects/999999/surveys").status());
    }
}
