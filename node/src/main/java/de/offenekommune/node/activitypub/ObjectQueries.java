package de.offenekommune.node.activitypub;

import java.util.Optional;

import de.offenekommune.node.db.Sql;

/**
 * The few reads the ActivityPub mapping needs beyond the domain repositories: user names of
 * authors, and where a comment sits (its target's project, the comment it answers). One indexed
 * query each.
 */
public final class ObjectQueries {

    /** A comment's place: its target, parent (local or remote), author and, for remote comments, its own id. */
    public record CommentInfo(String targetKind, long targetId, String projectSlug, Long parentId, String parentApId,
                              String parentRemoteActor, String authorUsername, String remoteActor, String apId) {
    }

    public Optional<String> username(Sql sql, Long accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return sql.one("SELECT username FROM account WHERE id = ? AND deleted_at IS NULL", r -> r.str("username"),
                accountId);
    }

    public Optional<CommentInfo> comment(Sql sql, long id) {
        return sql.one("""
                SELECT c.target_kind, c.target_id, c.parent_id, p.ap_id AS parent_ap_id,
                       p.remote_actor AS parent_remote_actor, a.username, c.remote_actor, c.ap_id,
                       CASE c.target_kind
                         WHEN 'project' THEN (SELECT slug FROM project WHERE id = c.target_id)
                         WHEN 'news' THEN (SELECT pr.slug FROM project_news n JOIN project pr ON pr.id = n.project_id
                                           WHERE n.id = c.target_id)
                       END AS project_slug
                FROM comment c
                LEFT JOIN comment p ON p.id = c.parent_id
                LEFT JOIN account a ON a.id = c.author_account_id
                WHERE c.id = ?""", r -> new CommentInfo(r.str("target_kind"), r.lng("target_id"),
                r.str("project_slug"), r.lngOrNull("parent_id"), r.str("parent_ap_id"),
                r.str("parent_remote_actor"), r.str("username"), r.str("remote_actor"), r.str("ap_id")), id);
    }

    /** The slug of a news post's project. */
    public Optional<String> newsProjectSlug(Sql sql, long newsId) {
        return sql.one("SELECT p.slug FROM project_news n JOIN project p ON p.id = n.project_id WHERE n.id = ?",
                r -> r.str("slug"), newsId);
    }

    /** A top-level comment as a replies collection lists it: our id, or the remote comment's own. */
    public record Reply(long id, String apId) {
    }

    /** Top-level comments of a target (direct replies), oldest first, keyset-paged by id. */
    public java.util.List<Reply> replies(Sql sql, String kind, long targetId, long afterId, int limit) {
        return sql.list("""
                SELECT id, ap_id FROM comment WHERE target_kind = ? AND target_id = ? AND parent_id IS NULL
                  AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?""", r -> new Reply(r.lng("id"), r.str("ap_id")),
                kind, targetId, afterId, limit);
    }

    public long replyCount(Sql sql, String kind, long targetId) {
        return sql.count("SELECT count(*) FROM comment WHERE target_kind = ? AND target_id = ? AND parent_id IS NULL "
                + "AND deleted_at IS NULL", kind, targetId);
    }

    public Optional<Long> projectId(Sql sql, String slug) {
        return sql.one("SELECT id FROM project WHERE slug = ? AND deleted_at IS NULL", r -> r.lng("id"), slug);
    }

    public Optional<Long> supportCount(Sql sql, long proposalId) {
        return sql.one("SELECT supports FROM proposal WHERE id = ? AND deleted_at IS NULL", r -> r.lng("supports"),
                proposalId);
    }
}
