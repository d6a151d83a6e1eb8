package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * What a remote actor may not do: change or delete someone else's comment, vote or support twice,
 * vote where fediverse votes are off, write as a local author; and bad input: malformed, oversize,
 * unsigned. Every refusal stores nothing.
 */
class OriginAndAuthorisationTest {
    private static TestNode node;
    private static Fediverse fediverse;
    private static RemoteMastodon mastodon;
    private static Fixtures.Cast cast;
    private static ActorKeys erin;
    private static ActorKeys frank;

    @BeforeAll
    static void start() {
        node = TestNode.start("Pruefstadt", Map.of("federation.vote-update-delay", "PT0S"));
        fediverse = new Fediverse();
        mastodon = fediverse.mastodon("social.test");
        cast = Fixtures.musterstadt(node);
        erin = mastodon.actor("erin");
        frank = mastodon.actor("frank");
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static ObjectNode note(String author, String id, String inReplyTo, String html) {
        ObjectNode create = Fediverse.fixture("create-note.json");
        ObjectNode note = ActivityJson.newObject().put("id", id).put("type", "Note")
                .put("attributedTo", author).put("inReplyTo", inReplyTo).put("content", html)
                .put("published", "2025-05-01T10:00:00Z");
        note.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        create.put("id", id + "/activity").put("actor", author).set("object", note);
        create.remove("cc");
        create.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        return create;
    }

    private static ObjectNode wrap(String type, String actor, String id, ObjectNode object) {
        ObjectNode activity = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", id).put("type", type).put("actor", actor);
        activity.set("object", object);
        return activity;
    }

    private static String body(String apId) {
        return node.sql().one("SELECT body_html FROM comment WHERE ap_id = ?", r -> r.str("body_html"), apId)
                .orElseThrow();
    }

    private static long inboxRows() {
        return node.sql().count("SELECT count(*) FROM fed_inbox_activity");
    }

    @Test
    void onlyTheAuthorChangesOrDeletesARemoteComment() {
        long proposal = Fixtures.proposal(node, cast.anna(), "Trinkbrunnen im Park", cast.umwelt());
        String erinNote = mastodon.actorId("erin") + "/statuses/1";
        assertEquals(202, fediverse.post(node, "/inbox", note(mastodon.actorId("erin"), erinNote,
                node.url("/vorschlaege/" + proposal), "<p>Original</p>"), erin).status());
        Fediverse.awaitInbox(node);
        assertEquals("<p>Original</p>", body(erinNote));

        ObjectNode forged = ActivityJson.newObject().put("id", erinNote).put("type", "Note")
                .put("attributedTo", mastodon.actorId("erin")).put("content", "<p>Gefälscht</p>");
        assertEquals(403, fediverse.post(node, "/inbox", wrap("Update", mastodon.actorId("frank"),
                mastodon.actorId("frank") + "#updates/1", forged), frank).status(), "attributed to someone else");
        ObjectNode claimed = forged.deepCopy().put("attributedTo", mastodon.actorId("frank"));
        assertEquals(202, fediverse.post(node, "/inbox", wrap("Update", mastodon.actorId("frank"),
                mastodon.actorId("frank") + "#updates/2", claimed), frank).status());
        ObjectNode tombstone = ActivityJson.newObject().put("id", erinNote).put("type", "Tombstone");
        assertEquals(202, fediverse.post(node, "/inbox", wrap("Delete", mastodon.actorId("frank"),
                mastodon.actorId("frank") + "#delete/1", tombstone), frank).status());
        Fediverse.awaitInbox(node);
        assertEquals("<p>Original</p>", body(erinNote), "frank cannot change erin's comment");
        assertEquals(0, node.sql().count("SELECT count(*) FROM comment WHERE ap_id = ? AND deleted_at IS NOT NULL",
                erinNote), "nor delete it");

        ObjectNode edit = forged.deepCopy().put("content", "<p>Korrigiert</p>");
        assertEquals(202, fediverse.post(node, "/inbox", wrap("Update", mastodon.actorId("erin"),
                mastodon.actorId("erin") + "#updates/1", edit), erin).status());
        Fediverse.awaitInbox(node);
        assertEquals("<p>Korrigiert</p>", body(erinNote), "the author can");
        ObjectNode delete = Fediverse.fixture("delete-note-tombstone.json", "https://mastodon.madrid/users/felix/statuses/107773559874184870", erinNote,
                "https://mastodon.madrid/users/felix", mastodon.actorId("erin"));
        assertEquals(202, fediverse.post(node, "/inbox", delete, erin).status());
        Fediverse.awaitInbox(node);
        assertEquals(1, node.sql().count("SELECT count(*) FROM comment WHERE ap_id = ? AND deleted_at IS NOT NULL",
                erinNote));
    }

    @Test
    void aRemoteActorCannotWriteAsALocalAuthorOrUnderOurIds() {
        long proposal = Fixtures.proposal(node, cast.ben(), "Mehr Licht am Bahnhof", cast.bauamt());
        long before = inboxRows();
        ObjectNode asAnna = note(node.url("/profil/anna"), mastodon.actorId("erin") + "/statuses/77",
                node.url("/vorschlaege/" + proposal), "<p>Ich bin Anna</p>");
        asAnna.put("actor", mastodon.actorId("erin"));
        assertEquals(403, fediverse.post(node, "/inbox", asAnna, erin).status(), "attributedTo a local actor");
        ObjectNode ourId = note(mastodon.actorId("erin"), node.url("/kommentare/999"), node.url("/vorschlaege/" + proposal),
                "<p>Unter fremder Adresse</p>");
        ourId.put("id", mastodon.actorId("erin") + "/statuses/78/activity");
        assertEquals(403, fediverse.post(node, "/inbox", ourId, erin).status(), "an object id on our host");
        ObjectNode asTown = Fediverse.fixture("like.json", "http://mastodon.example.org/users/admin", node.url("/kommune"));
        assertEquals(401, fediverse.post(node, "/inbox", asTown, erin).status(), "signed by erin, actor is the town");
        assertEquals(before, inboxRows(), "nothing stored");
        assertEquals(0, node.sql().count("SELECT count(*) FROM comment WHERE target_id = ? AND target_kind = 'proposal'",
                proposal));
    }

    @Test
    void supportsAndVotesCountOncePerActorAndOnlyWhereAllowed() {
        long proposal = Fixtures.proposal(node, cast.carla(), "Sitzbänke am Markt", cast.bauamt());
        for (int i = 1; i <= 2; i++) {
            ObjectNode like = Fediverse.fixture("like.json", "http://mastodon.example.org/users/admin",
                    mastodon.actorId("frank"), "http://localtesting.pleroma.lol/objects/eb92579d-3417-42a8-8652-2492c2d4f454",
                    node.url("/vorschlaege/" + proposal));
            like.put("id", mastodon.actorId("frank") + "#likes/s" + i);
            assertEquals(202, fediverse.post(node, "/inbox", like, frank).status());
        }
        Fediverse.awaitInbox(node);
        assertEquals(1, node.sql().count("SELECT remote_supports FROM proposal WHERE id = ?", proposal));
        assertEquals(1, node.sql().count("SELECT count(*) FROM support WHERE proposal_id = ?", proposal));

        Project p = new TestContent(node).project("Schulhof");
        Survey open = fediverseSurvey(p, true);
        Question multiple = node.components().surveys().get(open.id()).questions().get(1);
        String qid = node.url("/umfragen/" + open.id() + "/fragen/" + multiple.id());
        for (int i = 1; i <= 2; i++) {
            assertEquals(202, fediverse.post(node, "/kommune/inbox", vote(i, qid, "Bänke"), frank).status());
        }
        assertEquals(202, fediverse.post(node, "/kommune/inbox", vote(3, qid, "Brunnen"), frank).status());
        assertEquals(202, fediverse.post(node, "/kommune/inbox", vote(4, qid, "Gibt es nicht"), frank).status());
        Fediverse.awaitInbox(node);
        assertEquals(2, remoteVotes(multiple.id()), "each option once, unknown options not at all");

        Survey closed = fediverseSurvey(p, false);
        Question q = node.components().surveys().get(closed.id()).questions().getFirst();
        long before = inboxRows();
        assertEquals(403, fediverse.post(node, "/kommune/inbox", vote(5,
                node.url("/umfragen/" + closed.id() + "/fragen/" + q.id()), "Ja"), frank).status());
        assertEquals(404, fediverse.post(node, "/kommune/inbox", vote(6,
                node.url("/umfragen/" + closed.id() + "/fragen/99999"), "Ja"), frank).status());
        assertEquals(before, inboxRows());
        assertEquals(0, node.sql().count("SELECT count(*) FROM survey_response WHERE survey_id = ?", closed.id()));
        assertEquals(0, node.sql().count("SELECT count(*) FROM ap_survey_voter WHERE survey_id = ?", closed.id()));
    }

    private static Survey fediverseSurvey(Project p, boolean allow) {
        java.time.Instant now = java.time.Instant.now();
        return node.components().surveys().create(p.id(), new de.offenekommune.node.survey.SurveyInput(
                "Umfrage " + p.title() + allow, "", now.minusSeconds(3600).toString(), now.plusSeconds(86400).toString(),
                "AFTER_VOTING", allow, java.util.List.of(
                new de.offenekommune.node.survey.SurveyInput.QuestionInput("SINGLE", "Ja oder nein?", true,
                        java.util.List.of("Ja", "Nein")),
                new de.offenekommune.node.survey.SurveyInput.QuestionInput("MULTIPLE", "Was fehlt?", false,
                        java.util.List.of("Bäume", "Bänke", "Brunnen")))));
    }

    private static ObjectNode vote(int n, String questionId, String option) {
        ObjectNode vote = Fediverse.fixture("create-note-poll-vote.json",
                "https://mastodon.sdf.org/users/rinpatch", mastodon.actorId("frank"),
                "https://testing.uguu.ltd/objects/9d300947-2dcb-445d-8978-9a3b4b84fa14", questionId,
                "https://testing.uguu.ltd/users/rin", node.url("/kommune"));
        vote.put("id", mastodon.actorId("frank") + "#votes/" + n + "/activity");
        ((ObjectNode) vote.get("object")).put("id", mastodon.actorId("frank") + "#votes/" + n).put("name", option);
        return vote;
    }

    private static long remoteVotes(long questionId) {
        return node.sql().count("""
                SELECT count(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE a.question_id = ? AND r.remote_actor IS NOT NULL""", questionId);
    }

    @Test
    void malformedOversizeAndUnsignedActivitiesAreRefusedAndNothingIsStored() {
        long proposal = Fixtures.proposal(node, cast.dora(), "Fahrradständer am Rathaus", cast.bauamt());
        String target = node.url("/vorschlaege/" + proposal);
        long before = inboxRows();
        long comments = node.sql().count("SELECT count(*) FROM comment");
        assertEquals(400, fediverse.postBytes(node, "/inbox", "{\"type\": \"Create\",".getBytes(StandardCharsets.UTF_8),
                erin).status(), "not JSON");
        assertEquals(400, fediverse.postBytes(node, "/inbox", "[1, 2]".getBytes(StandardCharsets.UTF_8), erin).status());
        ObjectNode noId = note(mastodon.actorId("erin"), mastodon.actorId("erin") + "/statuses/90", target, "<p>x</p>");
        noId.remove("id");
        assertEquals(400, fediverse.post(node, "/inbox", noId, erin).status(), "no id");
        ObjectNode byReference = note(mastodon.actorId("erin"), mastodon.actorId("erin") + "/statuses/91", target, "x");
        byReference.put("object", mastodon.actorId("erin") + "/statuses/91");
        assertEquals(400, fediverse.post(node, "/inbox", byReference, erin).status(), "Create without embedded object");
        ObjectNode wrongType = note(mastodon.actorId("erin"), mastodon.actorId("erin") + "/statuses/92", target, "x");
        ((ObjectNode) wrongType.get("object")).put("content", 42);
        assertEquals(400, fediverse.post(node, "/inbox", wrongType, erin).status(), "content of the wrong type");
        ObjectNode long60k = note(mastodon.actorId("erin"), mastodon.actorId("erin") + "/statuses/93", target,
                "<p>" + "a".repeat(60_000) + "</p>");
        assertEquals(413, fediverse.post(node, "/inbox", long60k, erin).status(), "oversize content");
        byte[] huge = ("{\"id\":\"x\",\"padding\":\"" + "b".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, fediverse.postBytes(node, "/inbox", huge, erin).status(), "body over 1 MiB");
        ObjectNode unsigned = note(mastodon.actorId("erin"), mastodon.actorId("erin") + "/statuses/94", target, "<p>y</p>");
        assertEquals(401, unsignedPost(unsigned));
        assertEquals(before, inboxRows(), "nothing stored");
        assertEquals(comments, node.sql().count("SELECT count(*) FROM comment"));
    }

    private static int unsignedPost(ObjectNode activity) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url("/inbox")))
                    .header("Content-Type", "application/activity+json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(ActivityJson.write(activity))).build();
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBlockStopsDeliveriesAndIgnoresTheBlockerAndAFlagReachesModeration() {
        ActorKeys gina = mastodon.actor("gina");
        ObjectNode follow = Fediverse.fixture("follow.json");
        follow.put("id", mastodon.actorId("gina") + "#follows/1").put("actor", mastodon.actorId("gina"))
                .put("object", node.url("/kommune"));
        assertEquals(202, fediverse.post(node, "/inbox", follow, gina).status());
        Fediverse.awaitInbox(node);
        assertEquals(1, followers(mastodon.actorId("gina")));
        ObjectNode block = Fediverse.fixture("block.json", "http://mastodon.example.org/users/admin",
                mastodon.actorId("gina"), "http://localtesting.pleroma.lol/users/lain", node.url("/kommune"));
        assertEquals(202, fediverse.post(node, "/inbox", block, gina).status());
        Fediverse.awaitInbox(node);
        assertEquals(0, followers(mastodon.actorId("gina")), "no more deliveries to the blocker");

        long proposal = Fixtures.proposal(node, cast.anna(), "Wochenmarkt am Samstag", cast.bauamt());
        assertEquals(202, fediverse.post(node, "/inbox", note(mastodon.actorId("gina"),
                mastodon.actorId("gina") + "/statuses/5", node.url("/vorschlaege/" + proposal), "<p>Blockiert</p>"),
                gina).status());
        Fediverse.awaitInbox(node);
        assertEquals(0, node.sql().count("SELECT count(*) FROM comment WHERE remote_actor = ?",
                mastodon.actorId("gina")), "a blocker's replies are ignored");

        ObjectNode flag = Fediverse.fixture("flag.json", "https://mastodon.example/actor", mastodon.actorId("gina"),
                "https://mastodon.example/", mastodon.base() + "/");
        flag.putArray("object").add(node.url("/kommune")).add(node.url("/vorschlaege/" + proposal));
        assertEquals(202, fediverse.post(node, "/inbox", flag, gina).status());
        Fediverse.awaitInbox(node);
        assertEquals(1, node.sql().count("SELECT count(*) FROM moderation_flag WHERE target_kind = 'proposal' "
                + "AND target_id = ? AND remote_reporter = ?", proposal, mastodon.actorId("gina")));
        assertTrue(node.sql().one("SELECT reason FROM moderation_flag WHERE target_id = ?", r -> r.str("reason"),
                proposal).orElseThrow().contains("Please take a look"));
    }

    private static long followers(String actor) {
        return node.sql().count("SELECT count(*) FROM fed_follower WHERE remote_actor = ?", actor);
    }
}
