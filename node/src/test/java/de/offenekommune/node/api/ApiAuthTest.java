package de.offenekommune.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/** Who may use the staff API: tokens made on the admin page, revoked tokens, non-staff tokens, the bootstrap token. */
class ApiAuthTest {
    static final String BOOTSTRAP = "bootstrap-secret-for-tests-0123456789";
    private static TestNode node;
    private static Account admin;

    @BeforeAll
    static void start() {
        node = TestNode.start("Apistadt", Map.of("security.bootstrap-token", BOOTSTRAP));
        admin = node.components().accounts().createConfirmed("admin@example.org", "Admin", "admin", "admin-passwort-1",
                Role.ADMIN);
        node.components().accounts().createConfirmed("redaktion@example.org", "Redaktion", "redaktion",
                "staff-passwort-1", Role.STAFF);
        node.components().accounts().createConfirmed("citizen@example.org", "Carl", "carl", "citizen-passwort-1",
                Role.CITIZEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestApi api(String token) {
        return new TestApi(node.baseUrl(), token);
    }

    private static long projects() {
        return node.sql().count("SELECT count(*) FROM project");
    }

    private static Map<String, Object> project(String title) {
        return Map.of("kind", "OTHER", "title", title, "summary", "Kurz");
    }

    private static String createOnPage(TestBrowser admin, String name, String owner) {
        var r = admin.submit("/admin/api-tokens", "/admin/api-tokens", Map.of("name", name, "owner", owner));
        assertEquals(200, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        return Jsoup.parse(r.body()).selectFirst("#new-token").text();
    }

    private static void assertJsonError(TestApi.Response r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode json = r.json();
        assertEquals(status, json.get("status").asInt());
        assertEquals(error, json.get("error").asText());
        assertFalse(json.get("message").asText().isBlank());
    }

    @Test
    void missingOrUnknownTokenIs401AndWritesNothing() {
        long before = projects();
        TestApi.Response missing = api(null).post("/api/v1/projects", project("Ohne Schlüssel"));
        assertJsonError(missing, 401, "api.error.token");
        assertEquals("Bearer realm=\"OffeneKommune\"", missing.header("WWW-Authenticate"));
        assertJsonError(api("okt_falsch").get("/api/v1/projects"), 401, "api.error.token");
        assertJsonError(api("").get("/api/v1/events"), 401, "api.error.token");
        assertJsonError(api(null).raw("GET", "/api/v1/projects", null, null), 401, "api.error.token");
        assertEquals(before, projects());
    }

    @Test
    void adminCreatesTokenShownOnceWhichWorksUntilRevoked() {
        TestBrowser adminBrowser = node.browser().signIn("admin@example.org", "admin-passwort-1");
        String token = createOnPage(adminBrowser, "CMS der Stadt", "redaktion");
        assertTrue(token.startsWith("okt_") && token.length() > 40, token);
        assertEquals(1, node.sql().count("SELECT count(*) FROM api_token WHERE token_hash = ?", Tokens.hash(token)),
                "only the hash is stored");
        Document list = Jsoup.parse(adminBrowser.get("/admin/api-tokens").body());
        assertTrue(list.text().contains("CMS der Stadt"));
        assertFalse(list.html().contains(token), "the value is never shown again");

        TestApi.Response ok = api(token).post("/api/v1/projects", project("Per API angelegt"));
        assertEquals(201, ok.status(), ok.body());
        assertNotNull(node.sql().one("SELECT last_used_at FROM api_token WHERE token_hash = ?",
                r -> r.instant("last_used_at"), Tokens.hash(token)).orElse(null));

        long id = node.sql().one("SELECT id FROM api_token WHERE token_hash = ?", r -> r.lng("id"), Tokens.hash(token))
                .orElseThrow();
        assertEquals(303, adminBrowser.post("/admin/api-tokens/" + id + "/widerrufen", adminBrowser.withCsrf(Map.of()))
                .status());
        long before = projects();
        assertJsonError(api(token).post("/api/v1/projects", project("Nach dem Widerruf")), 401, "api.error.token");
        assertEquals(before, projects());
        assertTrue(Jsoup.parse(adminBrowser.get("/admin/api-tokens").body()).text().contains("gesperrt am"));
    }

    @Test
    void tokenOfAnAccountThatIsNoLongerStaffIs403() {
        Account clerk = node.components().accounts().createConfirmed("clerk@example.org", "Clerk", "clerk",
                "staff-passwort-1", Role.STAFF);
        String token = node.components().apiTokens().create(admin, "Skript", "clerk").value();
        assertEquals(200, api(token).get("/api/v1/projects").status());
        node.components().accounts().setRole(admin, clerk.id(), Role.CITIZEN);
        long before = projects();
        assertJsonError(api(token).get("/api/v1/projects"), 403, "api.error.not-staff");
        assertJsonError(api(token).post("/api/v1/projects", project("Als Bürger")), 403, "api.error.not-staff");
        assertEquals(before, projects());
    }

    @Test
    void tokensAreOnlyForStaffAndOnlyAdminsMakeThem() {
        TestBrowser adminBrowser = node.browser().signIn("admin@example.org", "admin-passwort-1");
        long before = node.sql().count("SELECT count(*) FROM api_token");
        var citizenOwner = adminBrowser.submit("/admin/api-tokens", "/admin/api-tokens",
                Map.of("name", "Für Carl", "owner", "carl"));
        assertEquals(400, citizenOwner.status());
        assertTrue(citizenOwner.body().contains("Dieses Konto gehört nicht zur Verwaltung."));
        var unknown = adminBrowser.submit("/admin/api-tokens", "/admin/api-tokens",
                Map.of("name", "Für niemanden", "owner", "niemand"));
        assertEquals(400, unknown.status());
        assertEquals(400, adminBrowser.submit("/admin/api-tokens", "/admin/api-tokens", Map.of("name", "", "owner", ""))
                .status());
        assertEquals(before, node.sql().count("SELECT count(*) FROM api_token"));

        TestBrowser staff = node.browser().signIn("redaktion@example.org", "staff-passwort-1");
        assertEquals(403, staff.get("/admin/api-tokens").status());
        staff.get("/");
        assertEquals(403, staff.post("/admin/api-tokens", staff.withCsrf(Map.of("name", "Selbst"))).status());
        assertEquals(303, node.browser().get("/admin/api-tokens").status());
        assertEquals(before, node.sql().count("SELECT count(*) FROM api_token"));
    }

    @Test
    void bootstrapTokenFromConfigurationWorks() {
        TestApi.Response created = api(BOOTSTRAP).post("/api/v1/projects", project("Per Bootstrap"));
        assertEquals(201, created.status(), created.body());
        assertEquals(200, api(BOOTSTRAP).get(created.header("Location").replace(node.baseUrl().toString(), "")).status());
        assertJsonError(api(BOOTSTRAP + "x").get("/api/v1/projects"), 401, "api.error.token");
        assertJsonError(api(BOOTSTRAP.substring(1)).get("/api/v1/projects"), 401, "api.error.token");
    }

    @Test
    void bootstrapTokenIsOffWhenEmpty() {
        try (TestNode plain = TestNode.start("Ohnebootstrap", Map.of("security.bootstrap-token", ""))) {
            TestApi anon = new TestApi(plain.baseUrl(), BOOTSTRAP);
            assertEquals(401, anon.get("/api/v1/projects").status());
            assertEquals(401, anon.withToken(" ").get("/api/v1/projects").status());
            assertEquals(401, anon.withToken("").post("/api/v1/projects", project("Leer")).status());
            assertEquals(0, plain.sql().count("SELECT count(*) FROM project"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentIsServedWithoutToken() {
        TestApi.Response r = api(null).get("/api/openapi.yaml");
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("openapi: 3.1"), r.body().substring(0, Math.min(80, r.body().length())));
        for (String path : List.of("/projects:", "/projects/{id}:", "/projects/{id}/news:", "/news/{id}:",
                "/projects/{id}/surveys:", "/surveys/{id}:", "/surveys/{id}/results:", "/events:", "/events/{id}:",
                "/proposals:", "/proposals/{id}:")) {
            assertTrue(r.body().contains("  " + path), "documented: " + path);
        }
        assertNull(r.header("WWW-Authenticate"));
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(r.body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        long operations = paths.values().stream().mapToLong(p -> p.keySet().stream()
                .filter(List.of("get", "post", "put", "delete")::contains).count()).sum();
        assertEquals(23, operations, "every endpoint is described");
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$ref: \"#/components/(\\w+)/(\\w+)\"")
                .matcher(r.body());
        while (refs.find()) {
            assertTrue(((Map<String, Object>) components.get(refs.group(1))).containsKey(refs.group(2)), refs.group());
        }
    }
}
