package de.offenekommune.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * With thousands of rows per kind, every branch of the search statement finds the rows with a rare
 * word through the GIN index of its generated vector (no sequential scan); common words are counted
 * up to the cap and paged without repeats.
 */
class SearchIndexTest {
    private static final int ROWS = 4000;
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Indexstadt");
        Fixtures.Cast cast = Fixtures.musterstadt(node);
        long target = Fixtures.proposal(node, cast.anna(), "Ein Vorschlag für Kommentare", cast.bauamt());
        node.sql().update("""
                INSERT INTO project (slug, kind, title, summary, description_html)
                SELECT 'projekt-' || g, 'OTHER', 'Projekt ' || g, 'Kurz ' || g,
                       '<p>' || CASE WHEN g % 500 = 0 THEN 'Friedhof' ELSE (ARRAY['Schwimmbad', 'Bibliothek', 'Kindergarten'])[1 + g % 3] END || '</p>'
                FROM generate_series(1, ?) g""", ROWS);
        node.sql().update("""
                INSERT INTO proposal (author_account_id, submission_key, title, summary, body_markdown, body_html,
                                      topic, support_threshold, support_deadline)
                SELECT ?, 'massen-' || g, 'Vorschlag ' || g, 'Zusammenfassung ' || g, 'x',
                       '<p>' || CASE WHEN g % 500 = 0 THEN 'Friedhof' ELSE (ARRAY['Schwimmbad', 'Bibliothek', 'Kindergarten'])[1 + g % 3] END || '</p>',
                       'SOCIAL', 50, now() + interval '8 weeks'
                FROM generate_series(1, ?) g""", cast.anna().id(), ROWS);
        node.sql().update("""
                INSERT INTO comment (target_kind, target_id, author_account_id, body_markdown, body_html)
                SELECT 'proposal', ?, ?, 'x',
                       '<p>' || CASE WHEN g % 500 = 0 THEN 'Friedhof' ELSE (ARRAY['Schwimmbad', 'Bibliothek', 'Kindergarten'])[1 + g % 3] END || '</p>'
                FROM generate_series(1, ?) g""", target, cast.ben().id(), ROWS);
        for (String table : List.of("project", "proposal", "comment")) {
            node.sql().update("VACUUM ANALYZE " + table);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyBranchUsesItsSearchIndex() {
        SearchRepository repository = new SearchRepository();
        for (String after : new String[] {null, "0.05_2_100"}) {
            SearchQuery q = SearchQuery.parse("Friedhöfe", null, after);
            SearchRepository.PageQuery pq = repository.pageQuery(q, Instant.now(), SearchService.PAGE_SIZE + 1);
            String plan = String.join("\n", node.sql().list("EXPLAIN " + pq.sql(), r -> r.str("QUERY PLAN"),
                    pq.params().toArray()));
            for (String index : List.of("project_search_idx", "proposal_search_idx", "comment_search_idx")) {
                assertTrue(plan.contains(index), index + "\n" + plan);
            }
            for (String table : List.of("project", "proposal", "comment")) {
                assertFalse(plan.contains("Seq Scan on " + table + " "), table + "\n" + plan);
            }
        }
    }

    @Test
    void manyMatchesAreCountedUpToTheCapAndPagedBestFirst() {
        SearchService search = node.components().participation().search();
        SearchResults first = search.search(SearchQuery.parse("Kindergarten oder Bibliothek", null, null));
        assertEquals(SearchService.PAGE_SIZE, first.hits().size());
        assertEquals(SearchRepository.COUNT_CAP, first.count(SearchKind.PROPOSAL), "capped count");
        assertEquals("1000+", first.shown(first.count(SearchKind.PROPOSAL)));
        SearchResults second = search.search(new SearchQuery("Kindergarten oder Bibliothek", null, first.next()));
        assertEquals(SearchService.PAGE_SIZE, second.hits().size());
        assertTrue(second.hits().stream().noneMatch(h -> first.hits().stream()
                .anyMatch(f -> f.kind() == h.kind() && f.id() == h.id())), "the second page repeats nothing");
    }
}
