package de.offenekommune.node.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.moderation.ModerationRepository;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.QueryCounter;
import de.offenekommune.node.testing.TestNode;

/**
 * A thread reads comment bodies it remembers by row version: an edit, a deletion, a hidden comment,
 * a new comment and even a change made directly in the database show on the very next page, and a
 * page whose bodies are all known reads no body at all.
 */
class CommentBodiesTest {
    private static final QueryCounter QUERIES = new QueryCounter();
    private static TestNode node;
    private static Fixtures.Cast cast;
    private long proposal;
    private Comment first;
    private Comment second;

    @BeforeAll
    static void start() {
        node = TestNode.start("Textstadt", Map.of(), QUERIES);
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void discussion() {
        proposal = Fixtures.proposal(node, cast.anna(), "Mehr Bänke am Fluss", cast.bauamt());
        first = comments().add(cast.ben(), "proposal", proposal, null, "Erster Gedanke zu **Bänken**");
        second = comments().add(cast.carla(), "proposal", proposal, first.id(), "Zweiter Gedanke: „Schatten“");
    }

    private static CommentService comments() {
        return node.components().participation().comments();
    }

    private String page() {
        var r = node.browser().get("/vorschlaege/" + proposal);
        assertEquals(200, r.status());
        return r.body();
    }

    private static List<String> bodyQueries(List<String> statements) {
        return statements.stream().filter(s -> s.contains("FROM comment c WHERE c.id = ANY")).toList();
    }

    @Test
    void aKnownThreadReadsNoBodiesAndAChangedOneOnlyTheChangedBody() {
        assertTrue(page().contains("Erster Gedanke zu <strong>Bänken</strong>"));
        int mark = QUERIES.mark();
        assertTrue(page().contains("Zweiter Gedanke: „Schatten“"));
        assertEquals(List.of(), bodyQueries(QUERIES.since(mark)), "all bodies known");

        comments().edit(cast.ben(), first.id(), "Geänderter Gedanke");
        mark = QUERIES.mark();
        String html = page();
        assertTrue(html.contains("Geänderter Gedanke"), "the edit shows at once");
        assertFalse(html.contains("Erster Gedanke"));
        assertTrue(html.contains("Zweiter Gedanke: „Schatten“"));
        assertEquals(1, bodyQueries(QUERIES.since(mark)).size(), "one statement for the changed body");
    }

    @Test
    void newDeletedAndHiddenCommentsShowAtOnce() {
        page();
        Comment third = comments().add(cast.dora(), "proposal", proposal, null, "Ein dritter Beitrag");
        assertTrue(page().contains("Ein dritter Beitrag"), "a new comment");

        comments().delete(cast.carla(), second.id());
        assertFalse(page().contains("Zweiter Gedanke"), "a deleted comment's text is gone");

        node.components().participation().moderation().decide(cast.staff(), "comment", third.id(),
                ModerationRepository.Action.HIDE, "Werbung");
        String html = page();
        assertTrue(html.contains("Werbung"), "the reason shows");
        assertFalse(html.contains("Ein dritter Beitrag"), "a hidden comment's text is not shown to the public");
    }

    @Test
    void aChangeMadeDirectlyInTheDatabaseShowsToo() {
        assertTrue(page().contains("Erster Gedanke"));
        // Not through the service and without touching updated_at: the row version still changes.
        node.sql().update("UPDATE comment SET body_html = '<p>Von Hand korrigiert</p>' WHERE id = ?", first.id());
        String html = page();
        assertTrue(html.contains("<p>Von Hand korrigiert</p>"));
        assertFalse(html.contains("Erster Gedanke"));
    }

    @Test
    void theMemoryIsBoundedAndStillCorrectWhenCleared() {
        CommentBodies bodies = new CommentBodies(1_000);
        List<CommentBodies.Stored> stored = List.of(new CommentBodies.Stored(1, 7, "a".repeat(300)),
                new CommentBodies.Stored(2, 7, "b".repeat(300)));
        int[] reads = new int[1];
        var read = (java.util.function.Function<java.util.Collection<Long>, List<CommentBodies.Stored>>) ids -> {
            reads[0]++;
            return stored.stream().filter(s -> ids.contains(s.id())).toList();
        };
        var found = bodies.of(Map.of(1L, 7L, 2L, 7L), read);
        assertEquals("a".repeat(300), found.get(1L).html());
        assertEquals("b".repeat(300), found.get(2L).html());
        assertTrue(bodies.size() <= 1, "over its budget the memory starts again: " + bodies.size());
        found = bodies.of(Map.of(1L, 7L, 2L, 7L), read);
        assertEquals("a".repeat(300), found.get(1L).html());
        assertEquals(2, reads[0]);
        assertEquals(1, bodies.of(Map.of(3L, 1L), ids -> List.of()).size() + 1, "a vanished row reads as no body");
    }
}
