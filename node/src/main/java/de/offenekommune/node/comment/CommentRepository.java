package de.offenekommune.node.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.moderation.Hidden;
import de.offenekommune.node.moderation.ModeratedItem;
import de.offenekommune.node.web.HtmlSanitizer;

/** SQL for comments. A thread is one indexed query with authors and moderation state joined. */
public final class CommentRepository {
    public static final String KIND = "comment";
    /** What a thread reads: not the target (known) nor the texts (bodies through {@link CommentBodies}). */
    private static final String THREAD_COLUMNS = """
            c.id, c.parent_id, c.author_account_id, au.display_name AS author_name,
            c.remote_actor, c.remote_name, c.remote_url, c.created_at, c.edited_at, c.deleted_at,
            h.reason AS hidden_reason, h.hidden_at, vs.actor_uri AS checked_actor,
            CASE WHEN vs.verified AND vs.valid_until > now() AND vs.category <> 'municipality_node' THEN vs.legal_name END
                AS verified_as""";
    private static final String COLUMNS = "c.target_kind, c.target_id, " + THREAD_COLUMNS + ", c.body_html";
    /** The row's version: PostgreSQL's xmin changes with every update of the row, whoever makes it. */
    private static final String VERSION = "c.xmin::text::bigint AS row_version";
    private static final String JOINS = """
             FROM comment c
            LEFT JOIN account au ON au.id = c.author_account_id
            LEFT JOIN moderation_hidden h ON h.target_kind = 'comment' AND h.target_id = c.id
            LEFT JOIN verification_remote_status vs ON vs.actor_uri = c.remote_actor
            """;

    /** A new local comment, validated and rendered. */
    public record NewComment(String targetKind, long targetId, Long parentId, long authorId, String markdown,
                             String html, Instant now) {
    }

    /** A comment from the fediverse, sanitised. */
    public record NewRemoteComment(String targetKind, long targetId, Long parentId, String actorUri, String name,
                                   String profileUrl, String apId, String html, Instant published) {
    }

    public long insert(Sql tx, NewComment c) {
        return tx.one("""
                INSERT INTO comment (target_kind, target_id, parent_id, author_account_id, body_markdown, body_html,
                                     created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", r -> r.lng("id"),
                c.targetKind(), c.targetId(), c.parentId(), c.authorId(), c.markdown(), c.html(), c.now(), c.now())
                .orElseThrow();
    }

    /** @return the new id, empty if a comment with this ActivityPub id exists already */
    public Optional<Long> insertRemote(Sql tx, NewRemoteComment c, Instant now) {
        return tx.one("""
                INSERT INTO comment (target_kind, target_id, parent_id, remote_actor, remote_name, remote_url, ap_id,
                                     body_html, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ap_id) DO NOTHING RETURNING id""",
                r -> r.lng("id"), c.targetKind(), c.targetId(), c.parentId(), c.actorUri(), c.name(), c.profileUrl(),
                c.apId(), c.html(), c.published(), now);
    }

    /** A comment of a thread without its body (null), and the version of its row. */
    public record Head(Comment comment, long version) {
    }

    /** Every comment of one target in id order (parents before replies), deleted ones included; no bodies. */
    public List<Head> thread(Sql sql, String targetKind, long targetId) {
        return sql.list("SELECT " + THREAD_COLUMNS + ", " + VERSION + JOINS
                        + "WHERE c.target_kind = ? AND c.target_id = ? ORDER BY c.id",
                r -> new Head(map(r, targetKind, targetId, null, null), r.lng("row_version")), targetKind, targetId);
    }

    /** The current bodies of these comments, with their row versions. */
    List<CommentBodies.Stored> bodies(Sql sql, Collection<Long> ids) {
        return sql.list("SELECT c.id, c.body_html, " + VERSION + " FROM comment c WHERE c.id = ANY(?)",
                r -> new CommentBodies.Stored(r.lng("id"), r.lng("row_version"), r.str("body_html")),
                (Object) ids.toArray(Long[]::new));
    }

    public Optional<Comment> byId(Sql sql, long id) {
        return sql.one("SELECT " + COLUMNS + ", c.body_markdown" + JOINS + "WHERE c.id = ?", CommentRepository::map, id);
    }

    public List<Comment> byIds(Sql sql, Collection<Long> ids) {
        return sql.list("SELECT " + COLUMNS + ", c.body_markdown" + JOINS + "WHERE c.id = ANY(?)",
                CommentRepository::map, (Object) ids.toArray(Long[]::new));
    }

    public Optional<Long> idByApId(Sql sql, String apId) {
        return sql.one("SELECT id FROM comment WHERE ap_id = ?", r -> r.lng("id"), apId);
    }

    /** Changes a remote comment's text, only if {@code actor} wrote it; returns its id. */
    public Optional<Long> updateRemoteBody(Sql tx, String apId, String actor, String html, Instant now) {
        return tx.one("""
                UPDATE comment SET body_html = ?, edited_at = ?, updated_at = ?
                WHERE ap_id = ? AND remote_actor = ? AND deleted_at IS NULL RETURNING id""", r -> r.lng("id"),
                html, now, now, apId, actor);
    }

    /** Soft-deletes a remote comment, only if {@code actor} wrote it; returns its id. */
    public Optional<Long> softDeleteRemote(Sql tx, String apId, String actor, Instant now) {
        return tx.one("""
                UPDATE comment SET body_html = '', deleted_at = ?, updated_at = ?
                WHERE ap_id = ? AND remote_actor = ? AND deleted_at IS NULL RETURNING id""", r -> r.lng("id"),
                now, now, apId, actor);
    }

    public void updateBody(Sql tx, long id, String markdown, String html, Instant now) {
        tx.update("UPDATE comment SET body_markdown = ?, body_html = ?, edited_at = ?, updated_at = ? WHERE id = ?",
                markdown, html, now, now, id);
    }

    /** Soft delete: the text goes, the place in the thread stays so replies keep their context. */
    public boolean softDelete(Sql tx, long id, Instant now) {
        return tx.update("UPDATE comment SET body_markdown = NULL, body_html = '', deleted_at = ?, updated_at = ? "
                + "WHERE id = ? AND deleted_at IS NULL", now, now, id) == 1;
    }

    /** Comments as moderation shows them (the original text, also when hidden), in one query. */
    public Map<Long, ModeratedItem> moderated(Sql sql, Collection<Long> ids) {
        return byIds(sql, ids).stream().collect(Collectors.toMap(Comment::id, c -> {
            String text = HtmlSanitizer.text(c.bodyHtml());
            return new ModeratedItem(KIND, c.id(), HtmlSanitizer.teaser(text, 60), HtmlSanitizer.teaser(text, 300),
                    c.author().name(), path(c.id()), c.deleted());
        }));
    }

    public static String path(long id) {
        return "/kommentare/" + id;
    }

    static Comment map(Row r) {
        return map(r, r.str("target_kind"), r.lng("target_id"), r.str("body_markdown"), r.str("body_html"));
    }

    /** A comment of a known target; the thread reads neither target nor texts from its rows. */
    private static Comment map(Row r, String targetKind, long targetId, String markdown, String html) {
        CommentAuthor author = new CommentAuthor(r.lngOrNull("author_account_id"),
                r.str("remote_actor") != null ? r.str("remote_name") : r.str("author_name"),
                r.str("remote_actor"), r.str("remote_url"), r.str("verified_as"), r.str("checked_actor") != null);
        return new Comment(r.lng("id"), targetKind, targetId, r.lngOrNull("parent_id"), author,
                markdown, html, r.instant("created_at"), r.instant("edited_at"),
                r.instant("deleted_at"), Hidden.of(r.str("hidden_reason"), r.instant("hidden_at")));
    }
}
