package de.offenekommune.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.moderation.ModerationRepository.Action;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestNode;

/**
 * The staff API for proposals: the list with filters and keyset paging, one proposal with local and
 * remote supports, status and answer; 401 without a token, 403 with a citizen's, 400 for bad filters.
 */
class ProposalApiTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static TestApi staff;
    private static TestApi citizen;
    private static long answered;
    private static long hidden;

    @BeforeAll
    static void start() {
        node = TestNode.start("Vorschlagsapistadt", Map.of("proposals.support-threshold", "3"));
        cast = Fixtures.musterstadt(node);
        var p = node.components().participation();
        staff = new TestApi(node.baseUrl(), node.components().apiTokens().create(cast.admin(), "Ratsinfo",
                cast.staff().username()).value());
        // A token made while its account was staff; the account is a citizen now.
        Account former = node.components().accounts().createConfirmed("ehemals@example.org", "Ehemals", "ehemals",
                Fixtures.PASSWORD, Role.STAFF);
        citizen = new TestApi(node.baseUrl(), node.components().apiTokens().create(cast.admin(), "Alt", "ehemals")
                .value());
        node.components().accounts().setRole(cast.admin(), former.id(), Role.CITIZEN);

        answered = Fixtures.proposal(node, cast.anna(), "Mehr Fahrradständer am Bahnhof", cast.bauamt(), cast.umwelt());
        p.supports().support(cast.ben(), answered);
        p.supports().support(cast.carla(), answered);
        p.supports().supportRemote(answered, "https://social.example/users/alice", "https://social.example/likes/1");
        p.proposals().changeStatus(cast.staff(), answered, new ProposalService.StatusChange("ANSWERED", "ACCEPTED",
                "Wir stellen **40 Ständer** auf."));
        hidden = Fixtures.proposal(node, cast.dora(), "Werbung für mein Geschäft", cast.bauamt());
        p.moderation().decide(cast.staff(), "proposal", hidden, Action.HIDE, "Werbung");
        for (int i = 1; i <= 5; i++) {
            Fixtures.proposal(node, cast.ben(), "Vorschlag Nummer " + i, cast.stadtrat());
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static void assertError(TestApi.Response r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertEquals(error, r.json().get("error").asText());
        assertFalse(r.json().get("message").asText().isBlank());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void oneProposalWithSupportsStatusAndAnswer() {
        TestApi.Response r = staff.get("/api/v1/proposals/" + answered);
        assertEquals(200, r.status(), r.body());
        JsonNode p = r.json();
        assertEquals("Mehr Fahrradständer am Bahnhof", p.get("title").asText());
        assertEquals(node.baseUrl() + "/vorschlaege/" + answered, p.get("url").asText());
        assertEquals("TRANSPORT", p.get("topic").asText());
        assertEquals("ANSWERED", p.get("status").asText());
        assertEquals("ACCEPTED", p.get("outcome").asText());
        assertEquals("Anna Schmidt", p.get("authorName").asText());
        JsonNode supports = p.get("supports");
        assertEquals(2, supports.get("local").asInt());
        assertEquals(1, supports.get("remote").asInt());
        assertEquals(3, supports.get("total").asInt());
        assertEquals(3, supports.get("threshold").asInt());
        assertFalse(supports.get("thresholdReachedAt").isNull());
        JsonNode answer = p.get("answer");
        assertEquals("Wir stellen **40 Ständer** auf.", answer.get("text").asText());
        assertTrue(answer.get("html").asText().contains("<strong>40 Ständer</strong>"));
        assertEquals("Petra Amtmann", answer.get("by").asText());
        assertEquals(2, p.get("addressees").size());
        assertTrue(p.get("hidden").isNull());
        assertFalse(p.has("authorId") || p.toString().contains("anna@example.org"), "no more about the author than the name");

        JsonNode moderated = staff.get("/api/v1/proposals/" + hidden).json();
        assertEquals("Werbung", moderated.get("hidden").get("reason").asText(), "staff see hidden proposals, marked");
        assertTrue(moderated.get("answer").isNull());
        assertEquals("SUBMITTED", moderated.get("status").asText());
    }

    @Test
    void listFiltersAndWalksKeysetPages() {
        JsonNode all = staff.get("/api/v1/proposals?limit=3").json();
        assertEquals(3, all.get("items").size());
        List<Long> walked = new ArrayList<>(ids(all));
        String next = all.get("next").asText();
        assertTrue(next.startsWith("/api/v1/proposals?after="), next);
        while (next != null) {
            JsonNode page = staff.get(next).json();
            walked.addAll(ids(page));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertEquals(node.sql().list("SELECT id FROM proposal ORDER BY id DESC", r -> r.lng("id")), walked);

        JsonNode byAddressee = staff.get("/api/v1/proposals?addressee=" + cast.stadtrat().id()).json();
        assertEquals(5, byAddressee.get("items").size());
        JsonNode answeredOnly = staff.get("/api/v1/proposals?status=ANSWERED&topic=TRANSPORT").json();
        assertEquals(List.of(answered), ids(answeredOnly));
        JsonNode item = answeredOnly.get("items").get(0);
        assertEquals(3, item.get("supports").get("total").asInt());
        assertEquals(0, item.get("comments").asInt());
        assertEquals(List.of("Ausschuss für Umwelt und Verkehr", "Bauamt"),
                item.get("addressees").findValuesAsText("name"), "by name");

        JsonNode bySupports = staff.get("/api/v1/proposals?sort=supports&limit=1").json();
        assertEquals(List.of(answered), ids(bySupports));
        String supportsNext = bySupports.get("next").asText();
        assertTrue(supportsNext.contains("sort=supports") && supportsNext.contains("after=3-" + answered), supportsNext);
        assertFalse(ids(staff.get(supportsNext).json()).contains(answered));
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        for (String query : List.of("status=OPEN", "status=answered", "topic=VERKEHR", "topic=verkehr",
                "addressee=abc", "addressee=0", "sort=random", "after=abc", "sort=supports&after=12",
                "after=3-4", "limit=0", "limit=101", "status=" + "X".repeat(500))) {
            TestApi.Response r = staff.get("/api/v1/proposals?" + query);
            assertError(r, 400, "api.error.query");
            String parameter = query.contains("after") ? "after" : query.substring(0, query.indexOf('='));
            assertTrue(r.json().get("message").asText().contains("„" + parameter + "“"), query + ": " + r.body());
        }
        assertError(staff.get("/api/v1/proposals/abc"), 400, "form.error.bad-id");
        assertError(staff.get("/api/v1/proposals/999999"), 404, "error.not-found");
        assertError(staff.post("/api/v1/proposals", Map.of("title", "x")), 404, "api.error.no-endpoint");
    }

    @Test
    void withoutAStaffTokenNothingIsShown() {
        for (String path : List.of("/api/v1/proposals", "/api/v1/proposals/" + answered)) {
            assertError(staff.withToken(null).get(path), 401, "api.error.token");
            assertError(staff.withToken("okt_unbekannt").get(path), 401, "api.error.token");
            assertError(citizen.get(path), 403, "api.error.not-staff");
        }
    }

    @Test
    void deletedProposalsAreGone() {
        long gone = Fixtures.proposal(node, cast.anna(), "Zurückgezogener Vorschlag", cast.bauamt());
        node.sql().update("UPDATE proposal SET deleted_at = now() WHERE id = ?", gone);
        assertError(staff.get("/api/v1/proposals/" + gone), 404, "error.not-found");
        assertFalse(ids(staff.get("/api/v1/proposals?limit=100").json()).contains(gone));
    }
}
