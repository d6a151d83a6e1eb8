package de.offenekommune.node.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for news posts, always joined with their project's slug and title (one query per list). */
public final class NewsRepository {
    private static final String SELECT = "SELECT n.id, n.project_id, p.slug, p.title AS project_title, n.title, "
            + "n.summary, n.body, n.body_html, n.published_at, n.created_at, n.updated_at, "
            + "coalesce(n.deleted_at, p.deleted_at) AS deleted_at FROM project_news n JOIN project p ON p.id = n.project_id ";

    private static News map(Row r) {
        return new News(r.lng("id"), r.lng("project_id"), r.str("slug"), r.str("project_title"), r.str("title"),
                r.str("summary"), r.str("body"), r.str("body_html"), r.instant("published_at"),
                r.instant("created_at"), r.instant("updated_at"), r.instant("deleted_at"));
    }

    /** Also deleted or unpublished ones; callers decide what to show. */
    public Optional<News> byId(Sql sql, long id) {
        return sql.one(SELECT + "WHERE n.id = ?", NewsRepository::map, id);
    }

    /**
     * Published posts of a project, newest first, keyset-paged by (published_at, id); {@code afterId}
     * is the last post of the previous page (0 for the first page).
     */
    public List<News> published(Sql sql, long projectId, Instant now, long afterId, int limit) {
        return sql.list(SELECT + """
                WHERE n.project_id = ? AND n.deleted_at IS NULL AND n.published_at <= ?
                  AND (? = 0 OR (n.published_at, n.id) < (SELECT c.published_at, c.id FROM project_news c
                                                           WHERE c.id = ?))
                ORDER BY n.published_at DESC, n.id DESC LIMIT ?""", NewsRepository::map, projectId, now,
                afterId, afterId, limit);
    }

    /** All posts of a project for staff, including scheduled ones, newest first, bounded. */
    public List<News> ofProject(Sql sql, long projectId, int limit) {
        return sql.list(SELECT + "WHERE n.project_id = ? AND n.deleted_at IS NULL "
                + "ORDER BY n.published_at DESC, n.id DESC LIMIT ?", NewsRepository::map, projectId, limit);
    }

    /** The town's latest published posts across live projects. */
    public List<News> latest(Sql sql, Instant now, int limit) {
        return sql.list(SELECT + "WHERE n.deleted_at IS NULL AND p.deleted_at IS NULL AND n.published_at <= ? "
                + "ORDER BY n.published_at DESC, n.id DESC LIMIT ?", NewsRepository::map, now, limit);
    }

    long insert(Sql sql, long projectId, ProjectValidator.NewsData d, Instant now) {
        return sql.one("""
                INSERT INTO project_news (project_id, title, summary, body, body_html, published_at, created_at,
                                          updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", r -> r.lng("id"), projectId, d.title(),
                d.summary(), d.body(), d.bodyHtml(), d.publishedAt(), now, now).orElseThrow();
    }

    boolean update(Sql sql, long id, ProjectValidator.NewsData d, Instant now) {
        return sql.update("""
                UPDATE project_news SET title = ?, summary = ?, body = ?, body_html = ?, published_at = ?,
                       updated_at = ?
                WHERE id = ? AND deleted_at IS NULL""", d.title(), d.summary(), d.body(), d.bodyHtml(),
                d.publishedAt(), now, id) == 1;
    }

    boolean softDelete(Sql sql, long id, Instant now) {
        return sql.update("UPDATE project_news SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                now, now, id) == 1;
    }
}
