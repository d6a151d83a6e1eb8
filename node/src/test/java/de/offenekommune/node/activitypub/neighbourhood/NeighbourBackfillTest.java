package de.offenekommune.node.activitypub.neighbourhood;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import de.offenekommune.federation.Federation;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.ActivityPub;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.TestNode;

/**
 * The earlier objects of a town we just followed, read from its outbox (WireMock as the town): an
 * object whose origin was busy is fetched again on the next pass; one that is gone is not asked for
 * again; an outbox that could not be read at all is read again.
 */
class NeighbourBackfillTest {
    private static final List<Duration> QUICK = List.of(Duration.ofMillis(50), Duration.ofMillis(50));
    private static TestNode node;
    private static Fediverse fediverse;
    private static WireMockServer wireMock;

    @BeforeAll
    static void start() {
        node = TestNode.start("Beispielheim");
        fediverse = new Fediverse();
        wireMock = fediverse.wireMock();
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static String base(String host) {
        return "http://" + host + ":" + wireMock.port();
    }

    private static void serve(String host, String path, int status, ObjectNode body) {
        wireMock.stubFor(get(urlPathEqualTo(path)).withHost(equalTo(host)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/activity+json").withBody(ActivityJson.writeString(body))));
    }

    /** A town at host with an outbox naming the projects at the given paths (newest first). */
    private static String town(String host, String... projects) {
        String actor = base(host) + "/kommune";
        ObjectNode doc = ActivityJson.newObject().put("id", actor).put("type", "Organization")
                .put("preferredUsername", "nachbar").put("name", "Nachbarstadt " + host).put("inbox", actor + "/inbox")
                .put("outbox", actor + "/outbox").put("followers", actor + "/followers");
        serve(host, "/kommune", 200, doc);
        serve(host, "/kommune/outbox", 200, ActivityJson.newObject().put("id", actor + "/outbox")
                .put("type", "OrderedCollection").put("totalItems", projects.length).put("first", actor + "/outbox/1"));
        ObjectNode page = ActivityJson.newObject().put("id", actor + "/outbox/1").put("type", "OrderedCollectionPage")
                .put("partOf", actor + "/outbox");
        ArrayNode items = page.putArray("orderedItems");
        for (String p : projects) {
            items.addObject().put("id", base(host) + "/aktivitaeten" + p).put("type", "Create").put("actor", actor)
                    .put("object", base(host) + p);
        }
        serve(host, "/kommune/outbox/1", 200, page);
        // Followed and accepted (the follow itself is NeighbourTownsTest's subject).
        node.sql().update("INSERT INTO ap_neighbour (actor_uri, handle, name, state, follow_activity) "
                + "VALUES (?, ?, ?, 'ACCEPTED', ?)", actor, "nachbar@" + host, "Nachbarstadt " + host,
                node.url("/aktivitaeten/follow-" + host));
        return actor;
    }

    private static ObjectNode project(String host, String path, String name) {
        return ActivityJson.newObject().put("id", base(host) + path).put("type", "Page").put("name", name)
                .put("summary", "Worum es geht").put("attributedTo", base(host) + "/kommune")
                .put("projectKind", "CONSTRUCTION").put("published", "2026-11-01T09:00:00Z");
    }

    private static NeighbourBackfill backfill() {
        ActivityPub ap = node.components().activityPub();
        Federation f = ap.federation();
        return new NeighbourBackfill(ap.neighbours(), f.remoteActors(), f.dereferencer(), QUICK);
    }

    private static Set<String> kept(String actor) {
        return Set.copyOf(node.sql().list("SELECT name FROM ap_neighbour_item WHERE neighbour_actor = ? "
                + "AND deleted_at IS NULL", r -> r.str("name"), actor));
    }

    @Test
    void anObjectWhoseOriginWasBusyIsFetchedOnTheNextPass() throws InterruptedException {
        String host = "busy.test";
        String actor = town(host, "/projekte/b", "/projekte/a", "/projekte/weg");
        serve(host, "/projekte/a", 200, project(host, "/projekte/a", "Neugestaltung Marktplatz"));
        wireMock.stubFor(get(urlPathEqualTo("/projekte/b")).withHost(equalTo(host)).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        wireMock.stubFor(get(urlPathEqualTo("/projekte/b")).withHost(equalTo(host)).inScenario("busy")
                .whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/activity+json")
                        .withBody(ActivityJson.writeString(project(host, "/projekte/b", "Radschnellweg")))));
        serve(host, "/projekte/weg", 410, ActivityJson.newObject().put("id", base(host) + "/projekte/weg")
                .put("type", "Tombstone"));

        NeighbourBackfill backfill = backfill();
        NeighbourBackfill.Pass first = backfill.run(actor, null);
        assertEquals(Set.of(base(host) + "/projekte/b"), first.pending(), "only the busy one is tried again");
        assertEquals(2, first.fetched());
        assertEquals(Set.of("Neugestaltung Marktplatz"), kept(actor));

        backfill.backfill(actor);
        assertEquals(Set.of("Neugestaltung Marktplatz", "Radschnellweg"), kept(actor));
        assertEquals(2, wireMock.findAll(getRequestedFor(urlPathEqualTo("/projekte/weg")).withHost(equalTo(host)))
                .size(), "the gone one is asked for once in each of the two full passes, never retried");
    }

    @Test
    void objectsOfTheSameSecondAreKeptInTheOrderTheyWerePublished() {
        String host = "order.test";
        String actor = town(host, "/projekte/drei", "/projekte/zwei", "/projekte/eins");
        for (String name : List.of("eins", "zwei", "drei")) {
            serve(host, "/projekte/" + name, 200, project(host, "/projekte/" + name, "Projekt " + name));
        }
        NeighbourBackfill.Pass pass = backfill().run(actor, null);
        assertEquals(3, pass.fetched());
        assertEquals(List.of("Projekt drei", "Projekt zwei", "Projekt eins"),
                node.sql().list("SELECT name FROM ap_neighbour_item WHERE neighbour_actor = ? "
                        + "ORDER BY published_at DESC, id DESC", r -> r.str("name"), actor),
                "newest first, as the home page lists them, though all three carry the same time");
    }

    @Test
    void anOutboxThatCouldNotBeReadIsReadAgain() throws InterruptedException {
        String host = "late.test";
        String actor = town(host, "/projekte/c");
        serve(host, "/projekte/c", 200, project(host, "/projekte/c", "Neues Feuerwehrhaus"));
        wireMock.stubFor(get(urlPathEqualTo("/kommune/outbox")).withHost(equalTo(host)).inScenario("late")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(502)));
        wireMock.stubFor(get(urlPathEqualTo("/kommune/outbox")).withHost(equalTo(host)).inScenario("late")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/activity+json")
                        .withBody(ActivityJson.writeString(ActivityJson.newObject().put("id", actor + "/outbox")
                                .put("type", "OrderedCollection").put("first", actor + "/outbox/1")))));

        NeighbourBackfill backfill = backfill();
        NeighbourBackfill.Pass first = backfill.run(actor, null);
        assertNull(first.pending(), "the outbox could not be read");
        assertTrue(kept(actor).isEmpty());
        backfill.backfill(actor);
        assertEquals(Set.of("Neues Feuerwehrhaus"), kept(actor));
    }

    @Test
    void aTownThatStaysUnreachableIsGivenUpAfterTheRetries() throws InterruptedException {
        String host = "down.test";
        String actor = town(host, "/projekte/d");
        wireMock.stubFor(get(urlPathEqualTo("/projekte/d")).withHost(equalTo(host))
                .willReturn(aResponse().withStatus(503)));
        backfill().backfill(actor);
        assertTrue(kept(actor).isEmpty());
        assertEquals(1 + QUICK.size(), wireMock.findAll(getRequestedFor(urlPathEqualTo("/projekte/d"))
                .withHost(equalTo(host))).size(), "one try and one per retry, then no more");
    }
}
