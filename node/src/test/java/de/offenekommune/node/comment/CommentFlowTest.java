package de.offenekommune.node.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.web.FormKey;

/** Threaded comments on a proposal over real HTTP: replies, edits, soft deletes, refusals, remote comments. */
class CommentFlowTest {
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Kommentarstadt");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestBrowser as(Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    private static long comment(TestBrowser browser, long proposal, Long parent, String text) {
        String page = parent == null ? "/vorschlaege/" + proposal : "/kommentare/" + parent + "/antworten";
        Map<String, String> fields = new java.util.HashMap<>(Map.of("art", "proposal", "ziel",
                String.valueOf(proposal), "text", text));
        if (parent != null) {
            fields.put("antwort_auf", String.valueOf(parent));
        }
        var r = browser.submit(page, "/kommentare", fields);
        assertEquals(303, r.status(), r.body());
        assertTrue(r.location().startsWith("/vorschlaege/" + proposal + "?hinweis=comment-saved#kommentar-"),
                r.location());
        return Long.parseLong(r.location().substring(r.location().indexOf("#kommentar-") + 11));
    }

    private static long comments() {
        return node.sql().count("SELECT count(*) FROM comment");
    }

    @Test
    void repliesAreShownUnderTheirParentInReadingOrder() {
        long p = Fixtures.proposal(node, cast.anna(), "Spielplatz an der Ludwigstraße", cast.bauamt());
        TestBrowser anna = as(cast.anna());
        TestBrowser ben = as(cast.ben());
        TestBrowser carla = as(cast.carla());
        long first = comment(anna, p, null, "Der Spielplatz braucht **Schatten**.");
        long second = comment(carla, p, null, "Und eine Bank für Eltern.");
        long reply = comment(ben, p, first, "Ein Sonnensegel wäre günstig.");
        long replyToReply = comment(carla, p, reply, "Sonnensegel gibt es im Stadtpark schon.");

        String html = node.browser().get("/vorschlaege/" + p).body();
        assertTrue(html.contains("Kommentare (4)"), html);
        int a = html.indexOf("id=\"kommentar-" + first + "\"");
        int b = html.indexOf("id=\"kommentar-" + reply + "\"");
        int c = html.indexOf("id=\"kommentar-" + replyToReply + "\"");
        int d = html.indexOf("id=\"kommentar-" + second + "\"");
        assertTrue(a > 0 && a < b && b < c && c < d, "depth first: " + a + " " + b + " " + c + " " + d);
        assertTrue(html.contains("ok-comment--indent-2\" id=\"kommentar-" + replyToReply), html);
        assertTrue(html.contains("Antwort auf <a class=\"kern-link\" href=\"#kommentar-" + first
                + "\">Anna Schmidt</a>"));
        assertTrue(html.contains("Der Spielplatz braucht <strong>Schatten</strong>."));
        assertEquals(Optional.of(first), node.sql().one("SELECT parent_id FROM comment WHERE id = ?",
                r -> r.lngOrNull("parent_id"), reply));

        var own = node.browser().get("/kommentare/" + reply);
        assertEquals(303, own.status());
        assertEquals("/vorschlaege/" + p + "#kommentar-" + reply, own.location());
    }

    @Test
    void authorsEditAndDeleteTheirOwnCommentsOnly() {
        long p = Fixtures.proposal(node, cast.anna(), "Öffentliche Toilette am Markt", cast.bauamt());
        TestBrowser ben = as(cast.ben());
        TestBrowser carla = as(cast.carla());
        long parent = comment(ben, p, null, "Gute Idee, aber wer reinigt sie?");
        long child = comment(carla, p, parent, "Der Bauhof könnte das übernehmen.");

        assertEquals(403, carla.get("/kommentare/" + parent + "/bearbeiten").status());
        carla.get("/vorschlaege/" + p);
        var foreignEdit = carla.post("/kommentare/" + parent + "/bearbeiten",
                carla.withCsrf(Map.of("text", "Gekapert")));
        assertEquals(403, foreignEdit.status());
        assertEquals(403, carla.post("/kommentare/" + parent + "/loeschen", carla.withCsrf(Map.of())).status());
        assertTrue(node.browser().get("/vorschlaege/" + p).body().contains("Gute Idee, aber wer reinigt sie?"));

        assertTrue(ben.get("/kommentare/" + parent + "/bearbeiten").body()
                .contains("Gute Idee, aber wer reinigt sie?"));
        var edited = ben.post("/kommentare/" + parent + "/bearbeiten",
                ben.withCsrf(Map.of("text", "Gute Idee. Wer reinigt sie?")));
        assertEquals("/vorschlaege/" + p + "?hinweis=comment-edited#kommentar-" + parent, edited.location());
        String html = node.browser().get("/vorschlaege/" + p).body();
        assertTrue(html.contains("Gute Idee. Wer reinigt sie?"));
        assertTrue(html.contains("(bearbeitet)"));

        ben.get("/vorschlaege/" + p);
        var deleted = ben.post("/kommentare/" + parent + "/loeschen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + p + "?hinweis=comment-deleted#kommentar-" + parent, deleted.location());
        html = node.browser().get("/vorschlaege/" + p).body();
        assertTrue(html.contains("Kommentar gelöscht"), html);
        assertFalse(html.contains("Wer reinigt sie?"), "the text is gone");
        assertTrue(html.contains("Der Bauhof könnte das übernehmen."), "the reply stays");
        assertTrue(html.contains("Antwort auf <a class=\"kern-link\" href=\"#kommentar-" + parent
                + "\">gelöschten Kommentar</a>"), html);
        assertTrue(html.contains("Kommentare (1)"));
        assertNull(node.sql().one("SELECT body_markdown FROM comment WHERE id = ?", r -> r.str("body_markdown"), parent)
                .orElse(null));

        assertEquals(410, ben.post("/kommentare/" + parent + "/loeschen", ben.withCsrf(Map.of())).status());
        assertEquals(410, ben.post("/kommentare/" + parent + "/bearbeiten", ben.withCsrf(Map.of("text", "Wieder da")))
                .status());
        assertEquals(410, node.browser().get("/kommentare/" + parent).status());
        var replyToDeleted = carla.post("/kommentare", carla.withCsrf(Map.of("art", "proposal", "ziel",
                String.valueOf(p), "antwort_auf", String.valueOf(parent), "text", "Hallo?")));
        assertEquals(409, replyToDeleted.status());
        assertTrue(replyToDeleted.body().contains("Auf einen gelöschten Kommentar können Sie nicht antworten."));
        assertEquals(child, node.sql().one("SELECT id FROM comment WHERE parent_id = ?", r -> r.lng("id"), parent)
                .orElseThrow());
    }

    @Test
    void badCommentsAreRefusedAndWriteNothing() {
        long p = Fixtures.proposal(node, cast.anna(), "Mehr Mülleimer im Park", cast.bauamt());
        long other = Fixtures.proposal(node, cast.anna(), "Längere Grünphasen", cast.bauamt());
        TestBrowser ben = as(cast.ben());
        long parentElsewhere = comment(ben, other, null, "Ein Kommentar woanders.");
        long before = comments();
        ben.get("/vorschlaege/" + p);
        Map<String, String> base = Map.of("art", "proposal", "ziel", String.valueOf(p));

        var empty = ben.post("/kommentare", ben.withCsrf(with(base, "text", "   ")));
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Bitte schreiben Sie einen Kommentar."), empty.body());
        assertTrue(empty.body().contains("aria-invalid=\"true\""));
        var tooLong = ben.post("/kommentare", ben.withCsrf(with(base, "text", "x".repeat(5001))));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("höchstens 5.000 Zeichen"));
        var badLink = ben.post("/kommentare", ben.withCsrf(with(base, "text", "[x](data:text/html;base64,AAAA)")));
        assertEquals(400, badLink.status());
        assertEquals(404, ben.post("/kommentare", ben.withCsrf(Map.of("art", "nothing", "ziel", "1", "text", "Hallo")))
                .status());
        assertEquals(404, ben.post("/kommentare", ben.withCsrf(Map.of("art", "proposal", "ziel", "99999999",
                "text", "Hallo"))).status());
        assertEquals(400, ben.post("/kommentare", ben.withCsrf(Map.of("art", "proposal", "ziel", "abc",
                "text", "Hallo"))).status());
        assertEquals(404, ben.post("/kommentare", ben.withCsrf(with(with(base, "text", "Hallo"), "antwort_auf",
                String.valueOf(parentElsewhere)))).status(), "a reply must stay on its parent's target");
        assertEquals(403, ben.post("/kommentare", with(base, "text", "Ohne CSRF")).status());
        TestBrowser anonymous = node.browser();
        anonymous.get("/vorschlaege/" + p);
        assertEquals(401, anonymous.post("/kommentare", anonymous.withCsrf(with(base, "text", "Anonym"))).status());
        assertTrue(anonymous.get("/vorschlaege/" + p).body().contains("Melden Sie sich an, um zu kommentieren."));
        assertEquals(303, anonymous.get("/kommentare/" + parentElsewhere + "/antworten").status());
        assertEquals(before, comments());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    @Test
    void scriptsInCommentsAreNeverExecutable() {
        long p = Fixtures.proposal(node, cast.anna(), "Sichere Schulwege", cast.bauamt());
        TestBrowser ben = as(cast.ben());
        comment(ben, p, null,
                "<script>alert('x')</script> <img src=x onerror=alert(1)>\n\nLink: [ok](https://example.org)");
        String html = node.browser().get("/vorschlaege/" + p).body();
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), "no image tag survives");
        assertTrue(html.contains("&lt;script&gt;"));
        String body = html.substring(html.indexOf("ok-comment__body"));
        assertTrue(body.contains("<a href=\"https://example.org\" rel=\"nofollow ugc noopener noreferrer\">ok</a>"),
                body.substring(0, Math.min(400, body.length())));
    }

    @Test
    void remoteCommentsAreSanitisedStoredOnceAndMarked() {
        long p = Fixtures.proposal(node, cast.anna(), "Ein Repair-Café im Bürgerhaus", cast.umwelt());
        CommentService comments = node.components().participation().comments();
        var note = new CommentRepository.NewRemoteComment("proposal", p, null, "https://social.example/users/alice",
                "Alice <b>Fedi</b>", "https://social.example/@alice", "https://social.example/notes/1",
                "<p>Tolle Idee! <script>steal()</script><a href=\"javascript:x()\" onclick=\"y()\">klick</a></p>",
                Instant.parse("2025-05-01T10:00:00Z"));
        long id = comments.addRemote(note);
        assertEquals(id, comments.addRemote(note), "the same Note twice is one comment");
        assertEquals(1, node.sql().count("SELECT count(*) FROM comment WHERE ap_id = ?",
                "https://social.example/notes/1"));
        String stored = node.sql().one("SELECT body_html FROM comment WHERE id = ?", r -> r.str("body_html"), id)
                .orElseThrow();
        assertFalse(stored.contains("script") || stored.contains("javascript") || stored.contains("onclick"), stored);
        String html = node.browser().get("/vorschlaege/" + p).body();
        assertTrue(html.contains("Tolle Idee!"));
        assertTrue(html.contains(">Alice Fedi</a>"), html);
        assertTrue(html.contains("Fediverse"));
        var badProfile = new CommentRepository.NewRemoteComment("proposal", p, id, "https://social.example/users/bob",
                "Bob", "javascript:alert(1)", "https://social.example/notes/2", "<p>Antwort</p>", null);
        long reply = comments.addRemote(badProfile);
        assertNull(node.sql().one("SELECT remote_url FROM comment WHERE id = ?", r -> r.str("remote_url"), reply)
                .orElse(null));
    }

    @Test
    void anyRegisteredKindOfObjectTakesComments() {
        node.components().participation().commentTargets().register("testseite",
                (sql, id) -> id == 7 ? Optional.of(new CommentTarget("testseite", 7, "Testseite", "/testseite/7"))
                        : Optional.empty());
        TestBrowser ben = as(cast.ben());
        ben.get("/vorschlaege");
        // No page of this kind has a comment form here, so the test brings the form's one-time key itself.
        var r = ben.post("/kommentare", ben.withCsrf(Map.of("art", "testseite", "ziel", "7", "text", "Generisch",
                "key", FormKey.fresh())));
        assertEquals(303, r.status());
        assertTrue(r.location().startsWith("/testseite/7?hinweis=comment-saved#kommentar-"));
        assertEquals(404, ben.post("/kommentare", ben.withCsrf(Map.of("art", "testseite", "ziel", "8", "text", "Nein",
                "key", FormKey.fresh()))).status());
        CommentThread thread = node.components().participation().comments().thread("testseite", 7);
        assertEquals(1, thread.count());
        assertEquals("<p>Generisch</p>", thread.entries().getFirst().comment().bodyHtml().strip());
    }
}
