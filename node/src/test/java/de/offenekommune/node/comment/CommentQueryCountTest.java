package de.offenekommune.node.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.QueryCounter;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * A proposal page with 1,000 comments (a 300-deep reply chain among them, some hidden, some deleted)
 * needs exactly as many SQL statements as one with two comments.
 */
class CommentQueryCountTest {
    private static final QueryCounter QUERIES = new QueryCounter();
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static long busy;
    private static long quiet;

    @BeforeAll
    static void start() {
        node = TestNode.start("Zaehlstadt", Map.of(), QUERIES);
        cast = Fixtures.musterstadt(node);
        busy = Fixtures.proposal(node, cast.anna(), "Ein sehr diskutierter Vorschlag", cast.bauamt());
        quiet = Fixtures.proposal(node, cast.anna(), "Ein ruhiger Vorschlag", cast.bauamt());
        node.sql().update("""
                INSERT INTO comment (target_kind, target_id, author_account_id, body_markdown, body_html)
                SELECT 'proposal', ?, CASE WHEN g % 2 = 0 THEN ? ELSE ? END, 'Kommentar ' || g,
                       '<p>Kommentar ' || g || '</p>'
                FROM generate_series(1, 1000) g ORDER BY g""", busy, cast.ben().id(), cast.carla().id());
        long first = node.sql().count("SELECT min(id) FROM comment WHERE target_id = ?", busy);
        // Comments 2..300 form one chain; later ones answer earlier ones.
        node.sql().update("UPDATE comment SET parent_id = id - 1 WHERE target_id = ? AND id BETWEEN ? AND ?",
                busy, first + 1, first + 299);
        node.sql().update("UPDATE comment SET parent_id = ? + 299 + (id - ? - 299) / 2 WHERE target_id = ? AND id > ?",
                first, first, busy, first + 300);
        node.sql().update("INSERT INTO moderation_hidden (target_kind, target_id, reason) "
                + "SELECT 'comment', id, 'Beleidigung' FROM comment WHERE target_id = ? AND id % 97 = 0", busy);
        node.sql().update("UPDATE comment SET deleted_at = now(), body_html = '' WHERE target_id = ? AND id % 89 = 0",
                busy);
        for (String text : new String[] {"Erster", "Zweiter"}) {
            node.components().participation().comments().add(cast.ben(), "proposal", quiet, null, text);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static int statementsFor(TestBrowser browser, long proposal) {
        browser.get("/vorschlaege/" + proposal);
        QUERIES.reset();
        var r = browser.get("/vorschlaege/" + proposal);
        assertEquals(200, r.status());
        return QUERIES.count();
    }

    @Test
    void aThousandCommentsCostNoMoreQueriesThanTwo() {
        for (TestBrowser browser : new TestBrowser[] {node.browser(), node.browser().signIn(cast.staff().email(),
                Fixtures.PASSWORD)}) {
            int few = statementsFor(browser, quiet);
            int many = statementsFor(browser, busy);
            assertEquals(few, many, QUERIES.statements().toString());
            assertTrue(many >= 4 && many <= 7, "proposal, addressees, thread, statements (+ session, own support, "
                    + "whether the viewer speaks for a verified organisation, when signed in): " + QUERIES.statements());
            assertTrue(QUERIES.statements().stream().anyMatch(s -> s.contains("FROM comment c")), "the thread query");
        }
    }

    @Test
    void theWholeTreeIsRenderedInReadingOrder() {
        String html = node.browser().get("/vorschlaege/" + busy).body();
        assertEquals(1000, html.split("class=\"ok-comment ok-comment--indent-").length - 1);
        long deleted = node.sql().count("SELECT count(*) FROM comment WHERE target_id = ? AND deleted_at IS NOT NULL",
                busy);
        assertTrue(html.contains("Kommentare (" + (1000 - deleted) + ")"), "count without deleted ones");
        assertTrue(html.contains("Von der Moderation ausgeblendet: Beleidigung"));
        assertTrue(html.contains("ok-comment--indent-5"), "deep replies are capped at the deepest indentation");
        long first = node.sql().count("SELECT min(id) FROM comment WHERE target_id = ?", busy);
        int a = html.indexOf("id=\"kommentar-" + (first + 298) + "\"");
        int b = html.indexOf("id=\"kommentar-" + (first + 299) + "\"");
        assertTrue(a > 0 && a < b, "the chain stays in order");
    }
}
