package de.offenekommune.node.project;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.comment.CommentTarget;
import de.offenekommune.node.comment.CommentTargets;
import de.offenekommune.node.db.Sql;

/**
 * Makes projects and their news posts commentable: registers how comments find them. A project takes
 * comments while it is live; a news post while it is published and it and its project are live.
 */
public final class ProjectComments {
    public static final String PROJECT = "project";
    public static final String NEWS = "news";

    private ProjectComments() {
    }

    public static void register(CommentTargets targets, Clock clock) {
        targets.register(PROJECT, ProjectComments::project);
        targets.register(NEWS, (sql, id) -> news(sql, id, clock.instant()));
    }

    static Optional<CommentTarget> project(Sql sql, long id) {
        return sql.one("SELECT id, slug, title FROM project WHERE id = ? AND deleted_at IS NULL",
                r -> new CommentTarget(PROJECT, r.lng("id"), r.str("title"), "/projekte/" + r.str("slug")), id);
    }

    static Optional<CommentTarget> news(Sql sql, long id, Instant now) {
        return sql.one("""
                SELECT n.id, n.title, p.slug FROM project_news n JOIN project p ON p.id = n.project_id
                WHERE n.id = ? AND n.deleted_at IS NULL AND p.deleted_at IS NULL AND n.published_at <= ?""",
                r -> new CommentTarget(NEWS, r.lng("id"), r.str("title"),
                        "/projekte/" + r.str("slug") + "/neuigkeiten/" + r.lng("id")), id, now);
    }
}
