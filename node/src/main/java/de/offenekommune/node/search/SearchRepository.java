package de.offenekommune.node.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/**
 * The full-text queries. Each kind is one branch that finds its rows through the GIN index of its
 * generated {@code search_vector}, skips what the public must not see (deleted, hidden by moderation,
 * comments on pages that are gone) and keeps only its best {@code limit} rows after the cursor; the
 * union of those few rows is ranked once more and only the page's rows get snippets (ts_headline is
 * the expensive part). A page is one statement, the counts per kind another.
 */
public final class SearchRepository {
    /** Counting stops here: "1000+" is as useful as an exact large number and costs a bounded scan. */
    public static final int COUNT_CAP = 1001;

    /**
     * The query as a constant FROM item (one parameter): with the value bound, PostgreSQL folds it to a
     * constant and estimates from the column statistics how rare the words are, so it picks the index.
     */
    private static final String QUERY = "websearch_to_tsquery('german'::regconfig, ?) AS q";
    private static final String NOT_HIDDEN = " AND NOT EXISTS (SELECT 1 FROM moderation_hidden h"
            + " WHERE h.target_kind = '%s' AND h.target_id = %s.id)";
    private static final String PROJECTS = "FROM " + QUERY + ", project p WHERE p.deleted_at IS NULL"
            + " AND p.search_vector @@ q";
    private static final String PROPOSALS = "FROM " + QUERY + ", proposal pr WHERE pr.deleted_at IS NULL"
            + " AND pr.search_vector @@ q" + NOT_HIDDEN.formatted("proposal", "pr");
    /** A comment counts only while the page it is on can be seen (the one ? is now, for news). */
    private static final String COMMENTS = "FROM " + QUERY + ", comment c WHERE c.deleted_at IS NULL"
            + " AND c.search_vector @@ q"
            + NOT_HIDDEN.formatted("comment", "c") + """
             AND CASE c.target_kind
                WHEN 'proposal' THEN EXISTS (SELECT 1 FROM proposal t WHERE t.id = c.target_id
                    AND t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM moderation_hidden th
                        WHERE th.target_kind = 'proposal' AND th.target_id = t.id))
                WHEN 'project' THEN EXISTS (SELECT 1 FROM project t WHERE t.id = c.target_id AND t.deleted_at IS NULL)
                WHEN 'news' THEN EXISTS (SELECT 1 FROM project_news t JOIN project tp ON tp.id = t.project_id
                    WHERE t.id = c.target_id AND t.deleted_at IS NULL AND tp.deleted_at IS NULL
                      AND t.published_at <= ?)
                ELSE false END""";
    private static final String TITLE_OPTIONS = "'HighlightAll=true, StartSel=" + Highlighted.OPEN + ", StopSel="
            + Highlighted.CLOSE + "'";
    /** One passage around the best cover of the query; a short text is shown whole. */
    private static final String SNIPPET_OPTIONS = "'MaxWords=35, MinWords=15, ShortWord=3, StartSel="
            + Highlighted.OPEN + ", StopSel=" + Highlighted.CLOSE + "'";
    private static final String MARKERS = "'" + Highlighted.OPEN + Highlighted.CLOSE + "'";

    /** One page of hits, best first: up to {@code limit} rows after the query's cursor. */
    public List<SearchHit> page(Sql sql, SearchQuery query, Instant now, int limit) {
        PageQuery pq = pageQuery(query, now, limit);
        return sql.list(pq.sql(), SearchRepository::map, pq.params().toArray());
    }

    /** The page statement with its parameters (public so a test can EXPLAIN exactly what runs). */
    public record PageQuery(String sql, List<Object> params) {
    }

    public PageQuery pageQuery(SearchQuery query, Instant now, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (SearchKind kind : SearchKind.values()) {
            if (query.kind() == null || query.kind() == kind) {
                branches.add(branch(kind, query, now, limit, params));
            }
        }
        params.add(limit);
        params.add(query.tsText());
        return new PageQuery("WITH hits AS (" + String.join(" UNION ALL ", branches) + ") " + DISPLAY, params);
    }

    private static String branch(SearchKind kind, SearchQuery query, Instant now, int limit, List<Object> params) {
        SearchQuery.Cursor after = query.after();
        String alias = switch (kind) {
            case PROJECT -> "p";
            case PROPOSAL -> "pr";
            case COMMENT -> "c";
        };
        String rank = "ts_rank(" + alias + ".search_vector, q, 1)";
        StringBuilder b = new StringBuilder("(SELECT ").append(kind.order()).append(" AS kind_order, ")
                .append(alias).append(".id, ").append(rank).append(" AS rank ").append(from(kind));
        params.add(query.tsText());
        if (kind == SearchKind.COMMENT) {
            params.add(now);
        }
        if (after != null) {
            b.append(" AND (").append(rank).append(", ").append(kind.order()).append(", ").append(alias)
                    .append(".id) < (CAST(? AS real), ?, ?)");
            params.add(after.rank());
            params.add(after.kindOrder());
            params.add(after.id());
        }
        b.append(" ORDER BY rank DESC, ").append(alias).append(".id DESC LIMIT ?)");
        params.add(limit);
        return b.toString();
    }

    private static String from(SearchKind kind) {
        return switch (kind) {
            case PROJECT -> PROJECTS;
            case PROPOSAL -> PROPOSALS;
            case COMMENT -> COMMENTS;
        };
    }

    /** The page's rows with what a result shows; snippets only for these few rows. */
    private static final String DISPLAY = "SELECT h.kind_order, h.id, h.rank::text AS rank_text, "
            + "CASE h.kind_order WHEN 3 THEN " + headline("p.title", TITLE_OPTIONS)
            + " WHEN 2 THEN " + headline("pr.title", TITLE_OPTIONS)
            + " ELSE coalesce(cpr.title, cpj.title, cn.title) END AS title, "
            + "CASE h.kind_order WHEN 3 THEN " + headline("p.summary || ' ' || ok_html_text(p.description_html)",
                    SNIPPET_OPTIONS)
            + " WHEN 2 THEN " + headline("pr.summary || ' ' || ok_html_text(pr.body_html)", SNIPPET_OPTIONS)
            + " ELSE " + headline("ok_html_text(c.body_html)", SNIPPET_OPTIONS) + " END AS snippet, " + """
            CASE h.kind_order WHEN 3 THEN p.updated_at WHEN 2 THEN pr.created_at ELSE c.created_at END AS at,
                   coalesce(p.slug, cpj.slug, cnp.slug) AS slug, c.target_kind, c.target_id,
                   CASE WHEN c.remote_actor IS NOT NULL THEN c.remote_name ELSE ca.display_name END AS author
            FROM (SELECT * FROM hits ORDER BY rank DESC, kind_order DESC, id DESC LIMIT ?) h
            CROSS JOIN %s
            LEFT JOIN project p ON h.kind_order = 3 AND p.id = h.id
            LEFT JOIN proposal pr ON h.kind_order = 2 AND pr.id = h.id
            LEFT JOIN comment c ON h.kind_order = 1 AND c.id = h.id
            LEFT JOIN account ca ON ca.id = c.author_account_id
            LEFT JOIN proposal cpr ON c.target_kind = 'proposal' AND cpr.id = c.target_id
            LEFT JOIN project cpj ON c.target_kind = 'project' AND cpj.id = c.target_id
            LEFT JOIN project_news cn ON c.target_kind = 'news' AND cn.id = c.target_id
            LEFT JOIN project cnp ON cnp.id = cn.project_id
            ORDER BY h.rank DESC, h.kind_order DESC, h.id DESC""".formatted(QUERY);

    /** ts_headline of a text from which any marker characters were removed first. */
    private static String headline(String text, String options) {
        return "ts_headline('german'::regconfig, translate(" + text + ", " + MARKERS + ", ''), q, " + options + ")";
    }

    private static SearchHit map(Row r) {
        SearchKind kind = SearchKind.byOrder(r.integer("kind_order"));
        long id = r.lng("id");
        SearchQuery.Cursor cursor = new SearchQuery.Cursor(r.str("rank_text"), kind.order(), id);
        Highlighted snippet = Highlighted.parse(r.str("snippet"));
        return switch (kind) {
            case PROJECT -> new SearchHit(kind, id, Highlighted.parse(r.str("title")), snippet, null,
                    "/projekte/" + r.str("slug"), r.instant("at"), cursor);
            case PROPOSAL -> new SearchHit(kind, id, Highlighted.parse(r.str("title")), snippet, null,
                    "/vorschlaege/" + id, r.instant("at"), cursor);
            case COMMENT -> new SearchHit(kind, id, Highlighted.plain(r.str("title")), snippet, r.str("author"),
                    targetPath(r.str("target_kind"), r.lng("target_id"), r.str("slug")) + "#kommentar-" + id,
                    r.instant("at"), cursor);
        };
    }

    private static String targetPath(String kind, long id, String projectSlug) {
        return switch (kind) {
            case "proposal" -> "/vorschlaege/" + id;
            case "project" -> "/projekte/" + projectSlug;
            default -> "/projekte/" + projectSlug + "/neuigkeiten/" + id;
        };
    }

    /** Hits per kind, each counted up to {@link #COUNT_CAP}, in one statement. */
    public Map<SearchKind, Integer> counts(Sql sql, SearchQuery query, Instant now) {
        String capped = "(SELECT count(*) FROM (SELECT 1 %s LIMIT " + COUNT_CAP + ") x)";
        String statement = "SELECT " + capped.formatted(PROJECTS) + " AS projects, "
                + capped.formatted(PROPOSALS) + " AS proposals, " + capped.formatted(COMMENTS) + " AS comments";
        return sql.one(statement, r -> {
            Map<SearchKind, Integer> counts = new EnumMap<>(SearchKind.class);
            counts.put(SearchKind.PROJECT, r.integer("projects"));
            counts.put(SearchKind.PROPOSAL, r.integer("proposals"));
            counts.put(SearchKind.COMMENT, r.integer("comments"));
            return counts;
        }, query.tsText(), query.tsText(), query.tsText(), now).orElseThrow();
    }
}
