package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.ApFixtures;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * One URL, two answers: browsers get HTML, ActivityPub clients JSON, both {@code Vary: Accept}; the
 * two agree on titles and counts (project, proposal, survey); deleted objects answer 410 with a
 * Tombstone; actors, WebFinger, NodeInfo, collections and the context document are served.
 */
class NegotiationTest {
    private static final Pattern H1 = Pattern.compile("<h1[^>]*>([^<]+)</h1>");
    private static TestNode node;
    private static Fediverse fediverse;
    private static RemoteMastodon mastodon;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Zweistadt", Map.of("federation.vote-update-delay", "PT0S"));
        fediverse = new Fediverse();
        mastodon = fediverse.mastodon("negotiation.test");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static JsonNode json(String path) {
        Fediverse.Answer answer = fediverse.getJson(node.url(path));
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return ActivityJson.parse(answer.body());
    }

    private static String h1(String html) {
        Matcher m = H1.matcher(html);
        assertTrue(m.find(), "page has an h1");
        return m.group(1).strip();
    }

    @Test
    void theProjectPageAndItsJsonAgreeAndBothVaryByAccept() {
        Project p = new TestContent(node).project("Umbau Stadtbibliothek");
        TestBrowser browser = node.browser();
        TestBrowser.Response html = browser.get(p.path());
        assertEquals(200, html.status());
        assertTrue(html.header("Content-Type").startsWith("text/html"));
        assertEquals("Accept", html.header("Vary"));
        TestBrowser.Response ap = browser.get(p.path(), "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        assertEquals(200, ap.status());
        assertTrue(ap.header("Content-Type").startsWith("application/activity+json"), ap.header("Content-Type"));
        assertEquals("Accept", ap.header("Vary"));
        JsonNode page = ActivityJson.parse(ap.body());
        assertEquals(node.url(p.path()), page.path("id").asText(), "id equals the URL fetched");
        assertEquals(h1(html.body()), page.path("name").asText());
        assertEquals(node.url("/kommune"), page.path("attributedTo").asText());
        assertEquals(node.url(p.path() + "/gruppe"), page.path("audience").asText());
        assertTrue(html.body().contains(page.path("summary").asText()));
    }

    @Test
    void theProposalPageAndItsJsonShowTheSameTitleAndCounts() {
        long id = Fixtures.proposal(node, cast.anna(), "Parkbänke im Stadtpark", cast.bauamt());
        node.components().participation().supports().support(cast.ben(), id);
        node.components().participation().supports().support(cast.carla(), id);
        node.components().participation().supports().supportRemote(id, "http://negotiation.test/users/x", "http://negotiation.test/l/1");
        String html = node.browser().get("/vorschlaege/" + id).body();
        JsonNode page = json("/vorschlaege/" + id);
        assertEquals(h1(html), page.path("name").asText());
        assertEquals(3, page.path("supportCount").asInt());
        assertEquals(2, page.path("localSupportCount").asInt());
        assertEquals(1, page.path("remoteSupportCount").asInt());
        assertTrue(html.contains("3 Unterstützungen"), "total on the page");
        assertTrue(html.contains("davon 2 hier und 1 aus dem Fediverse"), "split on the page");
        assertEquals("submitted", page.path("proposalStatus").asText());
        assertEquals("Bauamt", page.path("addressees").get(0).path("name").asText());
        assertEquals(node.url("/profil/anna"), page.path("attributedTo").asText());

        long comment = node.components().participation().comments().add(cast.ben(), "proposal", id, null, "Ja!").id();
        node.components().participation().comments().add(cast.carla(), "proposal", id, comment, "Genau.");
        JsonNode replies = json("/vorschlaege/" + id + "/kommentare");
        assertEquals(page.path("replies").asText(), replies.path("id").asText());
        assertEquals(1, replies.path("totalItems").asInt(), "direct replies only");
        JsonNode first = ActivityJson.parse(fediverse.getJson(replies.path("first").asText()).body());
        assertEquals(node.url("/kommentare/" + comment), first.path("orderedItems").get(0).asText());
        JsonNode likes = json("/vorschlaege/" + id + "/unterstuetzungen");
        assertEquals(3, likes.path("totalItems").asInt());
        assertEquals(likes.path("id").asText(), page.path("likes").path("id").asText());
        assertFalse(likes.has("first"), "who supports is not published");
    }

    @Test
    void theSurveyResultsAndTheQuestionsAgreeOnTheCounts() {
        Project p = new TestContent(node).project("Freibad");
        Survey s = ApFixtures.survey(node, p, true);
        Question q = node.components().surveys().get(s.id()).questions().getFirst();
        RemoteMastodon m = mastodon;
        ActorKeys voter = m.actor("voter");
        TestBrowser anna = node.browser().signIn(cast.anna().email(), Fixtures.PASSWORD);
        assertEquals(303, anna.submit("/umfragen/" + s.id(), "/umfragen/" + s.id(),
                Map.of("q" + q.id(), String.valueOf(q.choices().get(1).id()))).status());
        String questionId = node.url("/umfragen/" + s.id() + "/fragen/" + q.id());
        ObjectNode vote = ApFixtures.vote(m, node, "voter", 1, questionId, "Ja");
        assertEquals(202, fediverse.post(node, "/kommune/inbox", vote, voter).status());
        Fediverse.awaitInbox(node);

        String html = anna.get("/umfragen/" + s.id()).body();
        String results = anna.get("/umfragen/" + s.id() + "/ergebnisse").body();
        JsonNode page = json("/umfragen/" + s.id());
        JsonNode question = json("/umfragen/" + s.id() + "/fragen/" + q.id());
        assertEquals(h1(html), page.path("name").asText());
        assertEquals(2, page.path("responseCount").asInt());
        assertEquals(1, page.path("localResponseCount").asInt());
        assertEquals(1, page.path("remoteResponseCount").asInt());
        assertTrue(results.contains("1 Person hat teilgenommen"), "local responses on the results page");
        assertTrue(results.contains("Dazu 1 Antworten aus dem Fediverse"), "remote responses on the results page");
        assertEquals(2, question.path("votersCount").asInt());
        assertEquals("Ja", question.path("oneOf").get(0).path("name").asText());
        assertEquals(1, question.path("oneOf").get(0).path("replies").path("totalItems").asInt());
        assertEquals(1, question.path("oneOf").get(1).path("replies").path("totalItems").asInt());
        assertEquals(questionId, page.path("questions").get(0).asText());
        assertEquals(303, node.browser().get("/umfragen/" + s.id() + "/fragen/" + q.id()).status(),
                "browsers are sent to the survey page");
    }

    @Test
    void deletedObjectsAnswerGoneWithATombstone() {
        Project p = new TestContent(node).project("Abgesagtes Projekt");
        node.components().projects().delete(p.id());
        Fediverse.Answer answer = fediverse.getJson(node.url(p.path()));
        assertEquals(410, answer.status());
        JsonNode tombstone = ActivityJson.parse(answer.body());
        assertEquals("Tombstone", tombstone.path("type").asText());
        assertEquals("Page", tombstone.path("formerType").asText());
        assertEquals(node.url(p.path()), tombstone.path("id").asText());
        assertEquals(410, node.browser().get(p.path()).status());
        assertEquals(410, fediverse.getJson(node.url(p.path() + "/gruppe")).status(), "its group is gone too");
        assertEquals(404, fediverse.getJson(node.url("/vorschlaege/999999")).status());
    }

    @Test
    void actorsWebFingerNodeInfoCollectionsAndTheContextAreServed() {
        JsonNode town = json("/kommune");
        assertEquals("Organization", town.path("type").asText());
        assertEquals("zweistadt", town.path("preferredUsername").asText());
        assertEquals(node.url("/inbox"), town.path("endpoints").path("sharedInbox").asText());
        assertTrue(town.path("publicKey").path("publicKeyPem").asText().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals("Multikey", town.path("assertionMethod").get(0).path("type").asText());
        assertTrue(town.path("assertionMethod").get(0).path("publicKeyMultibase").asText().startsWith("z6Mk"));
        assertEquals("Application", json("/actor").path("type").asText());
        assertEquals("Person", json("/profil/anna").path("type").asText());
        assertFalse(json("/profil/anna").path("discoverable").asBoolean(true));
        assertEquals(303, node.browser().get("/kommune").status());
        assertTrue(node.browser().get("/profil/anna").body().contains("Anna Schmidt"), "profile page");

        Project p = new TestContent(node).project("Radweg Süd");
        JsonNode group = json(p.path() + "/gruppe");
        assertEquals("Group", group.path("type").asText());
        assertEquals("projekt-" + p.slug(), group.path("preferredUsername").asText());

        String authority = node.baseUrl().getAuthority();
        JsonNode jrd = ActivityJson.parse(node.browser().get("/.well-known/webfinger?resource=acct:zweistadt@" + authority,
                "application/jrd+json").body());
        assertEquals("acct:zweistadt@" + authority, jrd.path("subject").asText());
        assertEquals(node.url("/kommune"), jrd.path("links").get(0).path("href").asText());
        JsonNode groupJrd = ActivityJson.parse(node.browser().get("/.well-known/webfinger?resource=acct:projekt-"
                + p.slug() + "@" + authority, "application/jrd+json").body());
        assertEquals(node.url(p.path() + "/gruppe"), groupJrd.path("links").get(0).path("href").asText());
        assertEquals(404, node.browser().get("/.well-known/webfinger?resource=acct:niemand@" + authority,
                "application/jrd+json").status());

        JsonNode info = ActivityJson.parse(node.browser().get("/nodeinfo/2.1", "application/json").body());
        assertEquals("offenekommune", info.path("software").path("name").asText());
        assertTrue(info.path("usage").path("users").path("total").asInt() >= 7, info.toString());

        Fediverse.await("the project's Create is relayed", () -> node.sql().count("SELECT count(*) FROM ap_activity "
                + "WHERE relayed_at IS NOT NULL AND type = 'Create' AND object_uri = ?", node.url(p.path())) == 1);
        JsonNode outbox = json("/kommune/outbox");
        assertTrue(outbox.path("totalItems").asInt() >= 1);
        JsonNode first = ActivityJson.parse(fediverse.getJson(outbox.path("first").asText()).body());
        assertEquals("OrderedCollectionPage", first.path("type").asText());
        assertEquals("Create", first.path("orderedItems").get(0).path("type").asText());
        String activityId = first.path("orderedItems").get(0).path("id").asText();
        assertEquals(activityId, ActivityJson.parse(fediverse.getJson(activityId).body()).path("id").asText(),
                "activities are served at their id");
        JsonNode followers = json("/kommune/followers");
        assertEquals("OrderedCollection", followers.path("type").asText());
        assertFalse(followers.has("orderedItems") || followers.has("first"), "the list is private");

        TestBrowser.Response context = node.browser().get("/ns/v1", "application/ld+json");
        assertEquals(200, context.status());
        assertEquals(node.components().activityPub().context().json(), context.body());
        assertTrue(context.body().contains("\"supportCount\""));
    }
}
