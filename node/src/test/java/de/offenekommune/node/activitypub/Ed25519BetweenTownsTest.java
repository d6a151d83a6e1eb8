package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Capabilities;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestNode;

/**
 * Two OffeneKommune towns on loopback (different addresses) sign for each other with Ed25519: each
 * learns from the other's actor document (FEP-844e {@code implements}) that it verifies RFC 9421
 * Ed25519, so the Follow, the Accept and the published project travel signed with the actors'
 * Multikeys, and each inbox accepts them (its log keeps the key that signed).
 */
class Ed25519BetweenTownsTest {
    private static TestNode cdorf;
    private static TestNode ddorf;
    private static Fixtures.Cast castC;
    private static Fixtures.Cast castD;
    private static Fediverse fediverse;

    @BeforeAll
    static void start() {
        cdorf = TestNode.startAt("Cdorf", "127.0.0.3", Map.of());
        ddorf = TestNode.startAt("Ddorf", "127.0.0.4", Map.of());
        castC = Fixtures.musterstadt(cdorf);
        castD = Fixtures.musterstadt(ddorf);
        fediverse = new Fediverse();
    }

    @AfterAll
    static void stop() {
        ddorf.close();
        cdorf.close();
        fediverse.close();
    }

    @Test
    void everyActorAdvertisesRfc9421Ed25519() {
        JsonNode town = ActivityJson.parse(fediverse.getJson(cdorf.url("/kommune")).body());
        JsonNode instance = ActivityJson.parse(fediverse.getJson(cdorf.url("/actor")).body());

        assertTrue(Capabilities.of(town).contains(Capabilities.RFC9421_ED25519), town.toString());
        assertEquals("Application", town.path("generator").path("type").asText());
        assertTrue(Capabilities.of(instance).contains(Capabilities.RFC9421_ED25519), instance.toString());
        assertTrue(instance.path("implements").isArray(), "the Application lists them itself");
    }

    @Test
    void aFollowAndAPublishedProjectTravelSignedWithEd25519() {
        String cdorfTown = cdorf.url("/kommune");
        String ddorfTown = ddorf.url("/kommune");
        assertEquals(303, ddorf.browser().signIn(castD.admin().email(), Fixtures.PASSWORD)
                .submit("/admin/nachbarn", "/admin/nachbarn", Map.of("handle", "@cdorf@" + cdorf.baseUrl().getAuthority()))
                .status());
        Fediverse.await("Cdorf accepts Ddorf's follow", () -> ddorf.sql().count(
                "SELECT count(*) FROM ap_neighbour WHERE actor_uri = ? AND state = 'ACCEPTED'", cdorfTown) == 1);

        assertEquals(ddorfTown + "#ed25519-key", cdorf.sql().one("SELECT signer_key FROM fed_inbox_activity "
                + "WHERE type = 'Follow' AND actor = ?", r -> r.str("signer_key"), ddorfTown).orElseThrow());
        assertEquals(cdorfTown + "#ed25519-key", ddorf.sql().one("SELECT signer_key FROM fed_inbox_activity "
                + "WHERE type = 'Accept' AND actor = ?", r -> r.str("signer_key"), cdorfTown).orElseThrow());

        Account cms = cdorf.components().accounts().createConfirmed("cms@example.org", "CMS", "cms", "cms-passwort-1",
                Role.STAFF);
        TestApi api = new TestApi(cdorf.baseUrl(), cdorf.components().apiTokens().create(castC.admin(), "CMS",
                cms.username()).value());
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("kind", "CONSTRUCTION");
        project.put("title", "Radweg nach Ddorf");
        project.put("summary", "Ein Radweg entlang der Landstraße verbindet beide Orte.");
        project.put("topics", List.of("TRANSPORT"));
        assertEquals(201, api.post("/api/v1/projects", project).status());
        Fediverse.await("the project arrives in Ddorf", () -> ddorf.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE kind = 'PROJECT' AND name = ?", "Radweg nach Ddorf") == 1);

        assertEquals(0, ddorf.sql().count("SELECT count(*) FROM fed_inbox_activity WHERE actor = ? "
                + "AND signer_key <> ?", cdorfTown, cdorfTown + "#ed25519-key"), "everything from Cdorf signed with Ed25519");
        assertEquals(1, cdorf.sql().count("SELECT count(*) FROM fed_host WHERE host = '127.0.0.4' AND rfc9421_ed25519"));
        assertEquals(1, ddorf.sql().count("SELECT count(*) FROM fed_host WHERE host = '127.0.0.3' AND rfc9421_ed25519"));
    }
}
