package de.offenekommune.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * Every class of bad API input gets a clear 4xx in the common JSON error shape, and nothing is
 * written: after each test every content table has exactly the rows it had before.
 */
class ApiBadInputTest {
    private static final List<String> TABLES = List.of("project", "project_phase", "project_link", "project_news",
            "event", "survey", "survey_question", "survey_option", "survey_response");
    private static TestNode node;
    private static TestApi api;
    private static Project project;
    private Map<String, Long> before;

    @BeforeAll
    static void start() {
        node = TestNode.start("Fehlerstadt");
        Account admin = node.components().accounts().createConfirmed("admin@example.org", "Admin", "admin",
                "admin-passwort-1", Role.ADMIN);
        api = new TestApi(node.baseUrl(), node.components().apiTokens().create(admin, "Test", "").value());
        project = new TestContent(node).project("Bestehendes Projekt");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.HashMap<>();
        TABLES.forEach(t -> counts.put(t, node.sql().count("SELECT count(*) FROM " + t)));
        counts.put("updated", node.sql().count("SELECT count(*) FROM project WHERE updated_at > created_at"));
        return counts;
    }

    @BeforeEach
    void snapshot() {
        before = counts();
    }

    @AfterEach
    void nothingWritten() {
        assertEquals(before, counts(), "bad input must not write anything");
    }

    private static JsonNode error(TestApi.Response r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode json = r.json();
        assertEquals(status, json.get("status").asInt());
        assertEquals(error, json.get("error").asText(), r.body());
        assertTrue(json.get("message").asText().length() > 5);
        return json;
    }

    private static String field(JsonNode json) {
        return json.get("fields").fieldNames().next();
    }

    @Test
    void malformedJson() {
        for (String body : List.of("{\"kind\": \"OTHER\", \"title\": ", "{kind: OTHER}", "nicht json",
                "{\"title\": \"a\"} trailing", "{\"title\": \"a\", \"title\": \"b\"}")) {
            error(api.post("/api/v1/projects", body), 400, "api.error.malformed-json");
        }
        error(api.put("/api/v1/projects/" + project.id(), "{\"kind\": "), 400, "api.error.malformed-json");
        error(api.post("/api/v1/events", "[1, 2]"), 400, "api.error.not-an-object");
        error(api.post("/api/v1/events", "null"), 400, "api.error.not-an-object");
        error(api.raw("POST", "/api/v1/projects", "application/json", new byte[0]), 400, "api.error.empty-body");
    }

    @Test
    void wrongTypesNameTheField() {
        Map<String, String> cases = Map.of(
                "{\"kind\": \"OTHER\", \"title\": 5, \"summary\": \"s\"}", "title",
                "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\", \"latitude\": \"51.2\", \"longitude\": 9}",
                "latitude",
                "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\", \"topics\": \"BUILDING\"}", "topics",
                "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\", \"phases\": [{\"kind\": \"INFORMATION\", "
                        + "\"startsOn\": 20300101, \"endsOn\": \"2030-02-01\"}]}", "phases[0].startsOn",
                "{\"kind\": [\"OTHER\"], \"title\": \"t\", \"summary\": \"s\"}", "kind",
                "{\"kind\": \"OTHER\", \"title\": true, \"summary\": \"s\"}", "title");
        cases.forEach((body, expected) -> {
            JsonNode json = error(api.post("/api/v1/projects", body), 400, "error.invalid");
            assertEquals(expected, field(json), body);
        });
        JsonNode json = error(api.post("/api/v1/events", "{\"title\": \"t\", \"startsAt\": \"2030-01-01T10:00\", "
                + "\"endsAt\": \"2030-01-01T11:00\", \"placeName\": \"p\", \"projectId\": \"1\"}"), 400, "error.invalid");
        assertEquals("projectId", field(json));
        json = error(api.post("/api/v1/events", "{\"title\": \"t\", \"startsAt\": \"2030-01-01T10:00\", "
                + "\"endsAt\": \"2030-01-01T11:00\", \"placeName\": \"p\", \"projectId\": 1.5}"), 400, "error.invalid");
        assertEquals("projectId", field(json));
        json = error(api.post("/api/v1/projects/" + project.id() + "/surveys", "{\"title\": \"t\", "
                + "\"opensAt\": \"2030-01-01T10:00\", \"closesAt\": \"2030-02-01T10:00\", "
                + "\"resultsVisibility\": \"AFTER_VOTING\", \"allowFediverse\": \"yes\"}"), 400, "error.invalid");
        assertEquals("allowFediverse", field(json));
        json = error(api.put("/api/v1/projects/" + project.id(), "{\"kind\": \"OTHER\", \"title\": {}, \"summary\": \"s\"}"),
                400, "error.invalid");
        assertEquals("title", field(json));
    }

    @Test
    void unknownFieldsAreRefused() {
        JsonNode json = error(api.post("/api/v1/projects", "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\", "
                + "\"slug\": \"eigener-slug\"}"), 400, "error.invalid");
        assertEquals("slug", field(json));
        assertTrue(json.get("fields").get("slug").asText().contains("gibt es nicht"));
        json = error(api.post("/api/v1/projects", "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\", "
                + "\"links\": [{\"title\": \"a\", \"url\": \"https://a.example\", \"rel\": \"x\"}]}"), 400, "error.invalid");
        assertEquals("links[0].rel", field(json));
        json = error(api.post("/api/v1/projects/" + project.id() + "/news", "{\"title\": \"t\", \"summary\": \"s\", "
                + "\"author\": \"x\"}"), 400, "error.invalid");
        assertEquals("author", field(json));
    }

    @Test
    void invalidValuesAreFieldErrors() {
        JsonNode json = error(api.post("/api/v1/projects", Map.of("kind", "CASTLE", "title", "x".repeat(201),
                "summary", "s", "topics", List.of("BUILDING", "ASTROLOGY"),
                "phases", List.of(Map.of("kind", "INFORMATION", "startsOn", "2030-02-01", "endsOn", "2030-01-01")),
                "links", List.of(Map.of("title", "böse", "url", "javascript:alert(1)")))), 400, "error.invalid");
        JsonNode fields = json.get("fields");
        for (String f : List.of("kind", "title", "topics", "phases[0].endsOn", "links[0].url")) {
            assertTrue(fields.has(f), f + " in " + fields);
        }
        assertEquals("Das Ende darf nicht vor dem Beginn liegen.", fields.get("phases[0].endsOn").asText());
        json = error(api.post("/api/v1/projects/" + project.id() + "/surveys", Map.of("title", "t",
                "opensAt", "2030-01-01T10:00:00Z", "closesAt", "2030-02-01T10:00:00Z", "resultsVisibility", "AFTER_VOTING",
                "questions", List.of(Map.of("kind", "SINGLE", "text", "Nur eine Option", "options", List.of("A"))))),
                400, "error.invalid");
        assertTrue(json.get("fields").has("questions[0].options"));
    }

    @Test
    void oversizeBodiesAre413() {
        String big = "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\", \"description\": \""
                + "x".repeat(Json.MAX_BODY) + "\"}";
        error(api.post("/api/v1/projects", big), 413, "error.payload-too-large");
        error(api.chunked("POST", "/api/v1/projects", big.getBytes(StandardCharsets.UTF_8)), 413,
                "error.payload-too-large");
        error(api.chunked("PUT", "/api/v1/projects/" + project.id(), big.getBytes(StandardCharsets.UTF_8)), 413,
                "error.payload-too-large");
    }

    @Test
    void otherContentTypesAre415() {
        error(api.raw("POST", "/api/v1/projects", "text/plain",
                "{\"kind\": \"OTHER\", \"title\": \"t\", \"summary\": \"s\"}".getBytes(StandardCharsets.UTF_8)), 415,
                "api.error.content-type");
        error(api.raw("POST", "/api/v1/projects", "application/x-www-form-urlencoded",
                "kind=OTHER&title=t&summary=s".getBytes(StandardCharsets.UTF_8)), 415, "api.error.content-type");
    }
}
