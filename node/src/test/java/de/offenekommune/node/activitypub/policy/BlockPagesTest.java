package de.offenekommune.node.activitypub.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * Admins block a server or an account on {@code /admin/sperren}: its followers go, its inbox posts
 * are refused, it gets no deliveries; lifting the block lets it follow again. Bad input is refused
 * with the field's message and changes nothing.
 */
class BlockPagesTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Fediverse fediverse;
    private static RemoteMastodon spam;
    private static RemoteMastodon friendly;

    @BeforeAll
    static void start() {
        node = TestNode.start("Edorf", Map.of());
        cast = Fixtures.musterstadt(node);
        fediverse = new Fediverse();
        spam = fediverse.mastodon("spam.test");
        friendly = fediverse.mastodon("social.test");
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static int follow(RemoteMastodon server, String name, ActorKeys keys) {
        ObjectNode follow = Fediverse.fixture("follow.json");
        follow.put("id", server.actorId(name) + "#follows/" + System.nanoTime()).put("actor", server.actorId(name))
                .put("object", node.url("/kommune"));
        return fediverse.post(node, "/inbox", follow, keys).status();
    }

    private static long followersFrom(String host) {
        return node.sql().count("SELECT count(*) FROM fed_follower WHERE remote_actor LIKE ?", "http://" + host + ":%");
    }

    private static long deliveriesTo(String host) {
        return node.sql().count("SELECT count(*) FROM fed_delivery WHERE host = ?", host);
    }

    private static int postsTo(String host) {
        return fediverse.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*inbox"))
                .withHost(WireMock.equalTo(host))).size();
    }

    private static TestBrowser admin() {
        return node.browser().signIn(cast.admin().email(), Fixtures.PASSWORD);
    }

    @Test
    void aBlockedServerLosesItsFollowersGetsNothingAndIsRefusedUntilTheBlockIsLifted() {
        ActorKeys mallory = spam.actor("mallory");
        ActorKeys sub = fediverse.mastodon("eu.spam.test").actor("trent");
        ActorKeys alice = friendly.actor("alice");
        // spam.test's inbox fails for now: the Accept for mallory waits for its retry.
        fediverse.wireMock().stubFor(WireMock.post(WireMock.urlPathMatching("(/users/[^/]+)?/inbox"))
                .withHost(WireMock.equalTo("spam.test")).atPriority(0).willReturn(WireMock.aResponse().withStatus(503)));
        assertEquals(202, follow(spam, "mallory", mallory));
        assertEquals(202, follow(friendly, "alice", alice));
        Fediverse.awaitInbox(node);
        assertEquals(1, followersFrom("spam.test"));
        Fediverse.await("the Accept to spam.test failed once", () -> node.sql().count(
                "SELECT count(*) FROM fed_delivery WHERE host = 'spam.test' AND state = 'queued' AND attempts = 1") == 1);

        TestBrowser admin = admin();
        assertEquals(303, admin.submit("/admin/sperren", "/admin/sperren", Map.of("kind", "domain",
                "value", "@Spam.Test.", "reason", "Spam-Wellen seit Oktober")).status());
        String page = admin.get("/admin/sperren").body();
        assertTrue(page.contains("<code>spam.test</code>") && page.contains("Spam-Wellen seit Oktober"), page);
        assertEquals(0, followersFrom("spam.test"), "the blocked server's followers are gone");
        String about = node.browser().get("/ueber").body();
        assertTrue(about.contains("Gesperrte Server") && about.contains("<code>spam.test</code>")
                && about.contains("Spam-Wellen seit Oktober"), "the public about page names it and why");
        assertEquals(1, followersFrom("social.test"));

        int posts = postsTo("spam.test");
        node.sql().update("UPDATE fed_delivery SET next_attempt_at = now() WHERE host = 'spam.test' AND state = 'queued'");
        node.components().activityPub().federation().deliveryWorker().wakeUp();
        Fediverse.await("the retry ends as failed, not sent", () -> node.sql().count("SELECT count(*) FROM fed_delivery "
                + "WHERE host = 'spam.test' AND state = 'failed' AND last_error LIKE '%blocked%'") == 1);
        assertEquals(posts, postsTo("spam.test"), "nothing reached the blocked server after the block");
        assertEquals(403, follow(spam, "mallory", mallory), "the server itself is refused");
        TestBrowser.Response neighbour = admin.submit("/admin/nachbarn", "/admin/nachbarn",
                Map.of("handle", "@kommune@eu.spam.test:" + fediverse.wireMock().port()));
        assertEquals(400, neighbour.status());
        assertTrue(neighbour.body().contains("Dieser Server ist gesperrt"), "the town does not follow it either");
        assertEquals(0, node.sql().count("SELECT count(*) FROM ap_neighbour WHERE actor_uri LIKE '%spam.test%'"));
        assertEquals(403, fediverse.post(node, "/inbox", followOf("eu.spam.test", "trent"), sub).status(),
                "and its subdomains");
        long toSpam = deliveriesTo("spam.test");
        long toFriendly = deliveriesTo("social.test");
        Project p = new TestContent(node).project("Neue Brücke am Mühlbach");
        Fediverse.await("the project went to the friendly server", () -> fediverse.deliveredActivities("social.test")
                .stream().anyMatch(a -> a.path("object").path("id").asText().equals(node.url(p.path()))));
        assertEquals(toFriendly + 1, deliveriesTo("social.test"));
        assertEquals(toSpam, deliveriesTo("spam.test"), "nothing is queued for the blocked server");

        assertEquals(303, admin.submit("/admin/sperren", "/admin/sperren/aufheben", Map.of("kind", "domain",
                "value", "spam.test")).status());
        assertFalse(admin.get("/admin/sperren").body().contains("<code>spam.test</code>"));
        assertFalse(node.browser().get("/ueber").body().contains("<code>spam.test</code>"));
        assertEquals(202, follow(spam, "mallory", mallory), "after the block is lifted it may follow again");
        Fediverse.await("mallory follows again", () -> followersFrom("spam.test") == 1);
    }

    private static ObjectNode followOf(String host, String name) {
        String actor = "http://" + host + ":" + fediverse.wireMock().port() + "/users/" + name;
        ObjectNode follow = Fediverse.fixture("follow.json");
        return follow.put("id", actor + "#follows/1").put("actor", actor).put("object", node.url("/kommune"));
    }

    @Test
    void aBlockedAccountIsRefusedWhileOthersOnItsServerAreNot() {
        RemoteMastodon other = fediverse.mastodon("other.test");
        ActorKeys troll = other.actor("troll");
        ActorKeys bob = other.actor("bob");
        assertEquals(202, follow(other, "troll", troll));
        Fediverse.awaitInbox(node);
        assertEquals(303, admin().submit("/admin/sperren", "/admin/sperren", Map.of("kind", "actor",
                "value", other.actorId("troll"), "reason", "Beleidigungen")).status());
        assertEquals(0, node.sql().count("SELECT count(*) FROM fed_follower WHERE remote_actor = ?",
                other.actorId("troll")));
        assertEquals(403, follow(other, "troll", troll));
        assertFalse(node.browser().get("/ueber").body().contains(other.actorId("troll")),
                "a blocked person is not named in public");
        assertEquals(202, follow(other, "bob", bob));
    }

    @Test
    void badInputIsRefusedWithTheFieldsMessageAndBlocksNothing() {
        TestBrowser admin = admin();
        record Case(Map<String, String> form, String field, String message) {
        }
        for (Case c : new Case[] {
                new Case(Map.of("kind", "domain", "value", "", "reason", "x"), "value", "Geben Sie einen Servernamen"),
                new Case(Map.of("kind", "domain", "value", "spam example", "reason", "x"), "value",
                        "Geben Sie einen Servernamen"),
                new Case(Map.of("kind", "domain", "value", "localhost", "reason", "x"), "value",
                        "Geben Sie einen Servernamen"),
                new Case(Map.of("kind", "domain", "value", "-bad-.example", "reason", "x"), "value",
                        "Geben Sie einen Servernamen"),
                new Case(Map.of("kind", "domain", "value", node.baseUrl().getHost(), "reason", "x"), "value",
                        "nicht selbst sperren"),
                new Case(Map.of("kind", "actor", "value", "mallory@spam.example", "reason", "x"), "value",
                        "Adresse des Kontos"),
                new Case(Map.of("kind", "actor", "value", "javascript:alert(1)", "reason", "x"), "value",
                        "Adresse des Kontos"),
                new Case(Map.of("kind", "actor", "value", node.url("/profil/anna"), "reason", "x"), "value",
                        "nicht selbst sperren"),
                new Case(Map.of("kind", "domain", "value", "spam.example", "reason", "  "), "reason",
                        "Geben Sie eine Begründung"),
                new Case(Map.of("kind", "domain", "value", "spam.example", "reason", "x".repeat(501)), "reason",
                        "zu lang"),
                new Case(Map.of("kind", "alles", "value", "spam.example", "reason", "x"), "kind",
                        "Server oder ein Konto")}) {
            TestBrowser.Response r = admin.submit("/admin/sperren", "/admin/sperren", c.form());
            assertEquals(400, r.status(), c.toString());
            assertTrue(r.body().contains("id=\"" + c.field() + "-error\""), c + ": " + r.status());
            assertTrue(r.body().contains(c.message()), c.toString());
        }
        TestBrowser.Response both = admin.submit("/admin/sperren", "/admin/sperren", Map.of("kind", "domain",
                "value", "", "reason", ""));
        assertEquals(400, both.status());
        assertTrue(both.body().contains("id=\"value-error\"") && both.body().contains("id=\"reason-error\""),
                "every error at once");
        assertEquals(0, node.sql().count("SELECT count(*) FROM fed_block WHERE value LIKE '%spam.example%' "
                + "OR value LIKE '%anna%' OR value = ?", node.baseUrl().getHost()));
        assertFalse(admin.get("/admin/sperren").body().contains("<code>spam.example</code>"));
    }

    @Test
    void onlyAdminsSeeOrChangeTheBlocks() {
        TestBrowser staff = node.browser().signIn(cast.staff().email(), Fixtures.PASSWORD);
        assertEquals(403, staff.get("/admin/sperren").status());
        staff.get("/verwaltung");
        assertEquals(403, staff.post("/admin/sperren", staff.withCsrf(Map.of("kind", "domain", "value",
                "nett.example", "reason", "x"))).status());
        assertEquals(403, node.browser().signIn(cast.anna().email(), Fixtures.PASSWORD).get("/admin/sperren").status());
        TestBrowser admin = admin();
        admin.get("/admin/sperren");
        assertEquals(403, admin.post("/admin/sperren", Map.of("kind", "domain", "value", "nett.example",
                "reason", "x")).status(), "without the form's CSRF token");
        assertEquals(0, node.sql().count("SELECT count(*) FROM fed_block WHERE value = 'nett.example'"));
    }
}
