package de.offenekommune.node.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * Comments on project pages and news posts over real HTTP: the section on both pages, replies, the
 * way back from a comment's own URL, flagging and hiding with the reason shown in place, and the
 * pages that take no comments (unpublished news, deleted projects).
 */
class ProjectCommentsTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static TestContent content;

    @BeforeAll
    static void start() {
        node = TestNode.start("Projektkommentarstadt");
        cast = Fixtures.musterstadt(node);
        content = new TestContent(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestBrowser as(Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    /** Writes a comment through the form on {@code page}; returns its id. */
    private static long comment(TestBrowser browser, String page, String kind, long target, String text) {
        var r = browser.submit(page, "/kommentare", Map.of("art", kind, "ziel", String.valueOf(target), "text", text));
        assertEquals(303, r.status(), r.body());
        assertTrue(r.location().startsWith(page + "?hinweis=comment-saved#kommentar-"), r.location());
        return Long.parseLong(r.location().substring(r.location().indexOf("#kommentar-") + 11));
    }

    @Test
    void projectPagesShowTheirThreadAndTakeCommentsAndReplies() {
        Project p = content.project("Neue Bushaltestelle am Markt");
        Document anonymous = Jsoup.parse(node.browser().get(p.path()).body());
        Element section = anonymous.selectFirst("section.ok-comments");
        assertNotNull(section, "the project page has a comment section");
        assertEquals("/anmelden?weiter=" + p.path(), section.selectFirst("a[href^=/anmelden]").attr("href"));

        TestBrowser anna = as(cast.anna());
        Document signedIn = Jsoup.parse(anna.get(p.path()).body());
        Element form = signedIn.selectFirst("section.ok-comments form[action=/kommentare]");
        assertEquals("project", form.selectFirst("input[name=art]").val());
        assertEquals(String.valueOf(p.id()), form.selectFirst("input[name=ziel]").val());
        assertEquals(43, form.selectFirst("input[name=key]").val().length(), "a one-time form key");

        long first = comment(anna, p.path(), "project", p.id(), "Bitte mit **Dach**.");
        var reply = as(cast.ben()).submit("/kommentare/" + first + "/antworten", "/kommentare",
                Map.of("art", "project", "ziel", String.valueOf(p.id()), "antwort_auf", String.valueOf(first),
                        "text", "Und mit Bank."));
        assertEquals(303, reply.status(), reply.body());
        Document page = Jsoup.parse(node.browser().get(p.path()).body());
        assertEquals("Bitte mit Dach.", page.selectFirst("#kommentar-" + first + " .ok-comment__body").text());
        assertEquals(2, page.select("li.ok-comment").size());
        assertEquals("Kommentare (2)", page.selectFirst("h2#kommentare").text());

        var own = node.browser().get("/kommentare/" + first);
        assertEquals(303, own.status());
        assertEquals(p.path() + "#kommentar-" + first, own.location(), "a comment's URL leads to its place");
    }

    @Test
    void newsPostsTakeCommentsOnlyWhilePublished() {
        Project p = content.project("Sanierung der Stadthalle");
        News published = content.news(p, "Bauarbeiten beginnen", Instant.now().minusSeconds(60));
        News scheduled = content.news(p, "Eröffnung", Instant.now().plusSeconds(86_400));
        TestBrowser carla = as(cast.carla());
        long c = comment(carla, published.path(), "news", published.id(), "Wie lange dauert das?");
        Document page = Jsoup.parse(node.browser().get(published.path()).body());
        assertEquals("Wie lange dauert das?", page.selectFirst("#kommentar-" + c + " .ok-comment__body").text());

        carla.get(published.path());
        long before = node.sql().count("SELECT count(*) FROM comment");
        var notYet = carla.post("/kommentare", carla.withCsrf(Map.of("art", "news", "ziel",
                String.valueOf(scheduled.id()), "text", "Zu früh")));
        assertEquals(404, notYet.status(), "an unpublished post takes no comments");
        Project gone = content.project("Abgesagtes Projekt");
        node.components().projects().delete(gone.id());
        carla.get(published.path());
        var deleted = carla.post("/kommentare", carla.withCsrf(Map.of("art", "project", "ziel",
                String.valueOf(gone.id()), "text", "Schade")));
        assertEquals(404, deleted.status(), "a deleted project takes no comments");
        assertEquals(before, node.sql().count("SELECT count(*) FROM comment"));
    }

    @Test
    void commentsOnProjectsAndNewsAreFlaggedAndHiddenWithTheReasonInPlace() {
        Project p = content.project("Umgestaltung Bahnhofsvorplatz");
        News n = content.news(p, "Entwürfe liegen aus", Instant.now().minusSeconds(60));
        long onProject = comment(as(cast.ben()), p.path(), "project", p.id(), "Werbung für meinen Laden!");
        long onNews = comment(as(cast.ben()), n.path(), "news", n.id(), "Noch mehr Werbung!");

        TestBrowser dora = as(cast.dora());
        Document flaggable = Jsoup.parse(dora.get(p.path()).body());
        assertNotNull(flaggable.selectFirst("#kommentar-" + onProject + " a[href=/melden?art=comment&id=" + onProject + "]"));
        for (long c : new long[] {onProject, onNews}) {
            var flagged = dora.submit("/melden?art=comment&id=" + c, "/melden",
                    Map.of("art", "comment", "id", String.valueOf(c), "reason", "Werbung"));
            assertEquals("/kommentare/" + c + "?hinweis=flagged", flagged.location());
        }

        TestBrowser staff = as(cast.staff());
        String queue = staff.get("/moderation").body();
        assertTrue(queue.contains("Werbung für meinen Laden!") && queue.contains("Noch mehr Werbung!"), queue);
        for (long c : new long[] {onProject, onNews}) {
            var hidden = staff.submit("/moderation/eintrag?art=comment&id=" + c, "/moderation/eintrag",
                    Map.of("art", "comment", "id", String.valueOf(c), "aktion", "HIDE",
                            "reason", "Werbung ist hier nicht erlaubt."));
            assertEquals(303, hidden.status(), hidden.body());
        }
        for (String path : new String[] {p.path(), n.path()}) {
            Document shown = Jsoup.parse(node.browser().get(path).body());
            Element moderated = shown.selectFirst("li.ok-comment .ok-moderated");
            assertNotNull(moderated, path);
            assertTrue(moderated.text().contains("Werbung ist hier nicht erlaubt."), moderated.text());
            assertTrue(!shown.text().contains("Werbung für meinen Laden!") && !shown.text().contains("Noch mehr Werbung!"),
                    "the original text is gone for the public: " + path);
            assertNull(shown.selectFirst(".ok-staff-original"));
        }
        String log = node.browser().get("/moderationsprotokoll").body();
        assertTrue(log.contains("/kommentare/" + onProject) && log.contains("/kommentare/" + onNews), log);
    }
}
