package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.ApFixtures;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * A town and a Mastodon server (WireMock, Mastodon's documents, real keys and signatures): follow
 * and Accept, the town's Create(Page) with a cavage signature checked independently, a reply
 * becoming a comment, a Like becoming a support, poll votes counted once with Update{Question}.
 */
class MastodonInteropTest {
    private static TestNode node;
    private static Fediverse fediverse;
    private static RemoteMastodon mastodon;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt", Map.of("federation.vote-update-delay", "PT0S"));
        fediverse = new Fediverse();
        mastodon = fediverse.mastodon("mastodon.test");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static ObjectNode follow(String name, String object) {
        ObjectNode follow = Fediverse.fixture("follow.json");
        follow.put("id", mastodon.actorId(name) + "#follows/" + System.nanoTime()).put("actor", mastodon.actorId(name))
                .put("object", object);
        return follow;
    }

    private static List<ObjectNode> delivered(String type) {
        return fediverse.deliveredActivities("mastodon.test").stream()
                .filter(a -> a.path("type").asText().equals(type)).toList();
    }

    @Test
    void followerGetsAcceptThenTheTownsPagesWithACavageSignature() throws Exception {
        ActorKeys alice = mastodon.actor("alice");
        ObjectNode follow = follow("alice", node.url("/kommune"));
        assertEquals(202, fediverse.post(node, "/inbox", follow, alice).status());
        Fediverse.await("Accept of the follow", () -> delivered("Accept").stream()
                .anyMatch(a -> a.path("object").path("id").asText().equals(follow.get("id").asText())));
        ObjectNode accept = delivered("Accept").stream()
                .filter(a -> a.path("object").path("id").asText().equals(follow.get("id").asText())).findFirst().orElseThrow();
        assertTrue(accept.path("id").asText().startsWith(node.url("/aktivitaeten/")), accept.toString());
        assertEquals(node.url("/kommune"), accept.path("actor").asText());
        assertEquals(1, node.sql().count("SELECT count(*) FROM fed_follower WHERE local_actor = ? AND state = 'accepted'",
                node.url("/kommune")));

        Project p = new TestContent(node).project("Neugestaltung Marktplatz");
        Fediverse.await("Create(Page) of the project", () -> delivered("Create").stream()
                .anyMatch(a -> a.path("object").path("id").asText().equals(node.url(p.path()))));
        LoggedRequest request = fediverse.delivered("mastodon.test").stream()
                .filter(r -> r.getBodyAsString().contains("\"Create\"") && r.getBodyAsString().contains(p.slug()))
                .findFirst().orElseThrow();
        ObjectNode create = ActivityJson.parse(request.getBody());
        JsonNode page = create.get("object");
        assertEquals("Page", page.path("type").asText());
        assertEquals("Neugestaltung Marktplatz", page.path("name").asText());
        assertEquals("Kurzbeschreibung von Neugestaltung Marktplatz", page.path("summary").asText());
        assertEquals(node.url(p.path()), page.path("url").asText());
        assertEquals("https://www.w3.org/ns/activitystreams#Public", create.path("to").get(0).asText());
        assertTrue(create.path("cc").toString().contains(node.url("/kommune/followers")));
        CavageCheck.verify(request, fediverse);
    }

    @Test
    void aMastodonReplyWithMentionsHashtagsAndHtmlBecomesAComment() {
        ActorKeys bob = mastodon.actor("bob");
        long proposal = Fixtures.proposal(node, cast.anna(), "Mehr Bänke am Fluss", cast.bauamt());
        ObjectNode create = Fediverse.fixture("create-note-hashtag.json",
                "http://mastodon.example.org/users/admin", mastodon.actorId("bob"),
                "http://mastodon.example.org", mastodon.base());
        ObjectNode note = (ObjectNode) create.get("object");
        note.put("inReplyTo", node.url("/vorschlaege/" + proposal));
        note.put("content", note.get("content").asText()
                + "<p>Gute Idee!<script>alert(1)</script> <a href=\"javascript:alert(2)\">x</a></p>");
        assertEquals(202, fediverse.post(node, "/inbox", create, bob).status());
        Fediverse.awaitInbox(node);

        String html = node.sql().one("SELECT body_html FROM comment WHERE ap_id = ? AND target_kind = 'proposal' "
                + "AND target_id = ? AND remote_actor = ?", r -> r.str("body_html"), note.get("id").asText(), proposal,
                mastodon.actorId("bob")).orElseThrow();
        assertTrue(html.contains("#<span>moo</span>") || html.contains("#moo"), html);
        assertTrue(html.contains("Gute Idee!"), html);
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("javascript"), html);
        String pageHtml = node.browser().get("/vorschlaege/" + proposal).body();
        assertTrue(pageHtml.contains("Gute Idee!"), "the reply shows on the proposal page");
        assertTrue(pageHtml.contains(mastodon.base() + "/@bob"), "the remote author links to their profile");
    }

    @Test
    void aLikeIsOneRemoteSupportAndUndoWithdrawsIt() {
        ActorKeys carol = mastodon.actor("carol");
        long proposal = Fixtures.proposal(node, cast.ben(), "Radweg zur Schule", cast.bauamt());
        ObjectNode like = Fediverse.fixture("like.json", "http://mastodon.example.org/users/admin",
                mastodon.actorId("carol"), "http://localtesting.pleroma.lol/objects/eb92579d-3417-42a8-8652-2492c2d4f454",
                node.url("/vorschlaege/" + proposal));
        assertEquals(202, fediverse.post(node, "/inbox", like, carol).status());
        ObjectNode again = like.deepCopy().put("id", mastodon.actorId("carol") + "#likes/3");
        assertEquals(202, fediverse.post(node, "/inbox", again, carol).status());
        Fediverse.awaitInbox(node);
        assertEquals(1, remoteSupports(proposal), "one support per actor");
        assertEquals(0, node.sql().count("SELECT local_supports FROM proposal WHERE id = ?", proposal));
        String html = node.browser().get("/vorschlaege/" + proposal).body();
        JsonNode json = ActivityJson.parse(fediverse.getJson(node.url("/vorschlaege/" + proposal)).body());
        assertEquals(1, json.path("remoteSupportCount").asInt());
        assertTrue(html.contains("1"), html);

        ObjectNode undo = Fediverse.fixture("undo-like.json", "http://mastodon.example.org/users/admin",
                mastodon.actorId("carol"), "http://localtesting.pleroma.lol/objects/eb92579d-3417-42a8-8652-2492c2d4f454",
                node.url("/vorschlaege/" + proposal));
        assertEquals(202, fediverse.post(node, "/inbox", undo, carol).status());
        Fediverse.awaitInbox(node);
        assertEquals(0, remoteSupports(proposal), "Undo{Like} withdraws the support");
    }

    static long remoteSupports(long proposal) {
        return node.sql().count("SELECT remote_supports FROM proposal WHERE id = ?", proposal);
    }

    @Test
    void aPollVoteCountsOnceAndTheNewCountsGoOutAsUpdateQuestion() {
        ActorKeys dave = mastodon.actor("dave");
        Project p = new TestContent(node).project("Spielplatz Nord");
        Survey survey = ApFixtures.survey(node, p, true);
        Question q = node.components().surveys().get(survey.id()).questions().getFirst();
        String questionId = node.url("/umfragen/" + survey.id() + "/fragen/" + q.id());
        Fediverse.await("Create{Question} stored", () -> node.sql().count(
                "SELECT count(*) FROM ap_activity WHERE type = 'Create' AND object_uri = ?", questionId) == 1);

        assertEquals(202, fediverse.post(node, "/kommune/inbox", ApFixtures.vote(mastodon, node, "dave", 1, questionId, "Ja"), dave).status());
        assertEquals(202, fediverse.post(node, "/kommune/inbox", ApFixtures.vote(mastodon, node, "dave", 2, questionId, "Nein"), dave).status());
        Fediverse.awaitInbox(node);
        assertEquals(1, remoteVotes(q.id()), "a second vote of the same actor is not counted");
        assertEquals(1, node.sql().count("SELECT count(*) FROM survey_response WHERE survey_id = ? AND remote_actor = ?",
                survey.id(), mastodon.actorId("dave")));

        Fediverse.await("Update{Question} with the new counts", () -> delivered("Update").stream()
                .anyMatch(u -> u.path("object").path("id").asText().equals(questionId)
                        && u.path("object").path("votersCount").asInt() == 1));
        JsonNode question = delivered("Update").stream()
                .filter(u -> u.path("object").path("id").asText().equals(questionId)).toList().getLast().get("object");
        assertEquals("Ja", question.path("oneOf").get(0).path("name").asText());
        assertEquals(1, question.path("oneOf").get(0).path("replies").path("totalItems").asInt());
        assertEquals(0, question.path("oneOf").get(1).path("replies").path("totalItems").asInt());
        assertEquals(survey.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                question.path("endTime").asText());
    }

    static long remoteVotes(long questionId) {
        return node.sql().count("""
                SELECT count(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE a.question_id = ? AND r.remote_actor IS NOT NULL""", questionId);
    }
}
