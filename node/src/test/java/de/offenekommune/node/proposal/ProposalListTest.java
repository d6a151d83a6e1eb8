package de.offenekommune.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.QueryCounter;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * The proposal list over 10,000 proposals: filters, both sort orders, keyset paging across page
 * boundaries (ties included), index use, and the same number of queries on page 1 and page 400.
 */
class ProposalListTest {
    private static final int PROPOSALS = 10_000;
    private static final Pattern CARD = Pattern.compile("<h3 class=\"kern-heading-small\"><a class=\"kern-link\" "
            + "href=\"/vorschlaege/(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
    private static final QueryCounter QUERIES = new QueryCounter();
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Listenstadt", Map.of(), QUERIES);
        cast = Fixtures.musterstadt(node);
        // Bulk data straight into the tables: 10,000 proposals spread over statuses, topics, addressees and
        // support counts with many ties (g % 37).
        node.sql().update("""
                INSERT INTO proposal (author_account_id, submission_key, title, summary, body_markdown, body_html, topic,
                                      status, outcome, answer_markdown, answer_html, answered_at, support_threshold,
                                      support_deadline, local_supports)
                SELECT ?, 'bulk-' || g, 'Massenvorschlag ' || g, 'Zusammenfassung ' || g, 'Text', '<p>Text</p>',
                       (ARRAY['TRANSPORT','ENVIRONMENT','BUILDING','EDUCATION','SOCIAL','CULTURE','ECONOMY','ADMINISTRATION'])[1 + g % 8],
                       CASE g % 3 WHEN 0 THEN 'SUBMITTED' WHEN 1 THEN 'IN_REVIEW' ELSE 'ANSWERED' END,
                       CASE g % 3 WHEN 2 THEN 'ACCEPTED' END, CASE g % 3 WHEN 2 THEN 'Ja' END,
                       CASE g % 3 WHEN 2 THEN '<p>Ja</p>' END, CASE g % 3 WHEN 2 THEN now() END,
                       50, now() + interval '8 weeks', g % 37
                FROM generate_series(1, ?) g""", cast.anna().id(), PROPOSALS);
        node.sql().update("""
                INSERT INTO proposal_addressee (proposal_id, addressee_id)
                SELECT id, CASE WHEN id % 2 = 0 THEN ? ELSE ? END FROM proposal""",
                cast.bauamt().id(), cast.umwelt().id());
        node.sql().update("ANALYZE proposal");
        node.sql().update("ANALYZE proposal_addressee");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String next(String html) {
        Matcher m = NEXT.matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /** Follows the "more" links from {@code first} to the end (or {@code maxPages}); all ids in page order. */
    private static List<Long> walk(String first, int maxPages) {
        TestBrowser browser = node.browser();
        List<Long> all = new ArrayList<>();
        String path = first;
        for (int page = 0; path != null && page < maxPages; page++) {
            var r = browser.get(path);
            assertEquals(200, r.status(), path);
            List<Long> ids = ids(r.body());
            assertTrue(ids.size() <= ProposalQuery.PAGE_SIZE);
            all.addAll(ids);
            path = next(r.body());
        }
        return all;
    }

    private static List<Long> expected(String where, String order, int limit, Object... params) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = limit;
        return node.sql().list("SELECT p.id FROM proposal p WHERE p.deleted_at IS NULL" + where + " ORDER BY " + order
                + " LIMIT ?", r -> r.lng("id"), all);
    }

    @Test
    void filteredNewestFirstWalksEveryPageWithoutGapsOrDuplicates() {
        List<Long> expected = expected(" AND p.status = 'SUBMITTED' AND p.topic = 'ENVIRONMENT'", "p.id DESC",
                Integer.MAX_VALUE);
        assertTrue(expected.size() > 5 * ProposalQuery.PAGE_SIZE, "several pages: " + expected.size());
        List<Long> walked = walk("/vorschlaege?status=SUBMITTED&thema=umwelt", 1_000);
        assertEquals(expected, walked);
    }

    @Test
    void mostSupportedFirstKeepsTiesInOrderAcrossPageBoundaries() {
        List<Long> expected = expected(" AND p.topic = 'CULTURE'", "p.supports DESC, p.id DESC", Integer.MAX_VALUE);
        // An old link with the upper-case German code still works; the next links use "kultur".
        List<Long> walked = walk("/vorschlaege?thema=KULTUR&sortierung=unterstuetzt", 1_000);
        assertEquals(expected, walked);
        List<Long> firstPages = walk("/vorschlaege?sortierung=unterstuetzt", 3);
        assertEquals(expected("", "p.supports DESC, p.id DESC", 60), firstPages);
    }

    @Test
    void filterByAddresseeShowsOnlyItsProposals() {
        long bauamt = cast.bauamt().id();
        List<Long> walked = walk("/vorschlaege?an=" + bauamt + "&status=ANSWERED", 4);
        assertEquals(expected(" AND p.status = 'ANSWERED' AND EXISTS (SELECT 1 FROM proposal_addressee pa "
                + "WHERE pa.proposal_id = p.id AND pa.addressee_id = ?)", "p.id DESC", 80, bauamt), walked);
        assertTrue(walked.stream().allMatch(id -> id % 2 == 0));
        String page = node.browser().get("/vorschlaege?an=" + bauamt).body();
        assertTrue(page.contains("An: Bauamt"), page);
        assertFalse(page.contains("An: Ausschuss für Umwelt und Verkehr"));
    }

    @Test
    void deepPagesCostTheSameQueriesAsTheFirst() {
        TestBrowser browser = node.browser();
        browser.get("/vorschlaege");
        QUERIES.reset();
        assertEquals(200, browser.get("/vorschlaege").status());
        int first = QUERIES.count();
        long deep = expected("", "p.id DESC", 8_001).getLast();
        QUERIES.reset();
        var r = browser.get("/vorschlaege?nach=" + deep);
        assertEquals(200, r.status());
        assertEquals(ProposalQuery.PAGE_SIZE, ids(r.body()).size());
        assertEquals(first, QUERIES.count(), QUERIES.statements().toString());
        assertEquals(3, first, "list, addressees of the page, addressees for the filter: " + QUERIES.statements());
        assertTrue(QUERIES.statements().stream().noneMatch(s -> s.contains("OFFSET")));
    }

    @Test
    void everyListShapeUsesAnIndexNotASequentialScan() {
        ProposalRepository repository = node.components().participation().proposalRepository();
        List<ProposalQuery> shapes = List.of(
                ProposalQuery.parse(null, null, null, null, null),
                ProposalQuery.parse(null, null, null, null, "5000"),
                ProposalQuery.parse(null, null, null, "unterstuetzt", null),
                ProposalQuery.parse(null, null, null, "unterstuetzt", "20-5000"),
                ProposalQuery.parse("SUBMITTED", null, null, null, null),
                ProposalQuery.parse(null, "umwelt", null, "unterstuetzt", null),
                ProposalQuery.parse("IN_REVIEW", null, null, "unterstuetzt", "10-300"));
        for (ProposalQuery q : shapes) {
            ProposalRepository.PageQuery pq = repository.pageQuery(q, ProposalQuery.PAGE_SIZE + 1);
            List<String> plan = node.sql().list("EXPLAIN " + pq.sql(), r -> r.str("QUERY PLAN"),
                    pq.params().toArray());
            String text = String.join("\n", plan);
            assertFalse(text.contains("Seq Scan on proposal "), q + "\n" + text);
            assertTrue(text.contains("Index"), q + "\n" + text);
        }
    }

    @Test
    void unknownFilterValuesAre400() {
        TestBrowser browser = node.browser();
        for (String query : List.of("status=FOO", "thema=fussball", "an=abc", "an=-1", "sortierung=zufall", "nach=abc",
                "nach=5-5", "sortierung=unterstuetzt&nach=5", "nach=99999999999999999999")) {
            var r = browser.get("/vorschlaege?" + query);
            assertEquals(400, r.status(), query);
            assertTrue(r.body().contains("Diese Auswahl gibt es nicht.")
                    || r.body().contains("Die Angabe ist ungültig."),
                    query + "\n" + r.body());
        }
    }

    @Test
    void theLastPageHasNoNextLinkAndEmptyFiltersSaySo() {
        long oldest = expected("", "p.id ASC", 1).getFirst();
        var r = node.browser().get("/vorschlaege?nach=" + (oldest + 1));
        assertEquals(List.of(oldest), ids(r.body()));
        assertNull(next(r.body()));
        assertTrue(r.body().contains("Zum Anfang der Liste"));
        var none = node.browser().get("/vorschlaege?an=" + cast.stadtrat().id());
        assertTrue(none.body().contains("Es gibt keine Vorschläge, die zu Ihrer Auswahl passen."), none.body());
        assertNotNull(next(node.browser().get("/vorschlaege").body()));
    }
}
