package de.offenekommune.node.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.helidon.http.Status;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HtmlSanitizer;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;
import de.offenekommune.node.web.MarkdownLinks;
import de.offenekommune.node.web.StoredHtml;

/** Writing, editing and deleting comments, and loading a target's thread. */
public final class CommentService {
    public static final int MAX_BODY = 5_000;
    private static final int MAX_REMOTE_HTML = 50_000;

    private final Sql sql;
    private final CommentRepository comments;
    private final CommentTargets targets;
    private final ContentEvents events;
    private final Clock clock;
    private final CommentBodies bodies = new CommentBodies();

    public CommentService(Sql sql, CommentRepository comments, CommentTargets targets, ContentEvents events,
                          Clock clock) {
        this.sql = sql;
        this.comments = comments;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    /** The whole thread of a target: one query, and one more for bodies not yet (or no longer) remembered. */
    public CommentThread thread(String targetKind, long targetId) {
        List<CommentRepository.Head> heads = comments.thread(sql, targetKind, targetId);
        Map<Long, Long> versions = new HashMap<>(heads.size() * 2);
        for (CommentRepository.Head head : heads) {
            versions.put(head.comment().id(), head.version());
        }
        Map<Long, StoredHtml> texts = bodies.of(versions, ids -> comments.bodies(sql, ids));
        List<Comment> thread = new ArrayList<>(heads.size());
        for (CommentRepository.Head head : heads) {
            StoredHtml body = texts.getOrDefault(head.comment().id(), StoredHtml.EMPTY);
            thread.add(head.comment().withBodyHtml(body.html()));
        }
        return CommentThread.build(targetKind, targetId, thread, texts);
    }

    /** @throws HttpError 404 unknown, 410 deleted */
    public Comment get(long id) {
        Comment c = comments.byId(sql, id).orElseThrow(HttpError::notFound);
        if (c.deleted()) {
            throw new HttpError(Status.GONE_410, "comment.error.deleted");
        }
        return c;
    }

    /** @throws HttpError 404 if the target does not exist (or takes no comments) */
    public CommentTarget target(String kind, long id) {
        return targets.find(sql, kind, id).orElseThrow(HttpError::notFound);
    }

    /**
     * A new comment or reply by a local account.
     *
     * @throws HttpError 403 unconfirmed, 404 unknown target or parent, 409 reply to a deleted comment
     * @throws InvalidInput empty, too long, or a bad link
     */
    public Comment add(Account author, String targetKind, long targetId, Long parentId, String body) {
        return add(author, targetKind, targetId, parentId, body, null);
    }

    /** As above; {@code key} is the form's one-time key: a repeat returns the comment the first POST wrote. */
    public Comment add(Account author, String targetKind, long targetId, Long parentId, String body, FormKey key) {
        if (!author.confirmed()) {
            throw HttpError.forbidden("proposal.error.unconfirmed");
        }
        String text = checkBody(body);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, CommentRepository.KIND, now);
            if (earlier.isPresent()) {
                return comments.byId(tx, earlier.getAsLong()).orElseThrow();
            }
            target(targetKind, targetId);
            if (parentId != null) {
                Comment parent = comments.byId(tx, parentId).orElseThrow(HttpError::notFound);
                if (!parent.targetKind().equals(targetKind) || parent.targetId() != targetId) {
                    throw HttpError.notFound();
                }
                if (parent.deleted()) {
                    throw HttpError.conflict("comment.error.parent-deleted");
                }
            }
            long id = comments.insert(tx, new CommentRepository.NewComment(targetKind, targetId, parentId, author.id(),
                    text, Markdown.toHtml(text), now));
            FormSubmissions.complete(tx, key, id);
            events.publish(tx, ContentEvent.Kind.COMMENT, id, ContentEvent.Change.CREATED);
            return comments.byId(tx, id).orElseThrow();
        });
    }

    /** @throws HttpError 403 not the author, 410 deleted, 409 hidden by moderation */
    public Comment edit(Account author, long id, String body) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            // Who may edit is decided before the text is looked at: others learn nothing from field errors.
            Comment c = own(tx, author, id);
            String text = checkBody(body);
            comments.updateBody(tx, id, text, Markdown.toHtml(text), now);
            events.publish(tx, ContentEvent.Kind.COMMENT, id, ContentEvent.Change.UPDATED);
            return c;
        });
    }

    /** Soft delete by the author. @throws HttpError 403 not the author, 410 already deleted */
    public Comment delete(Account author, long id) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            Comment c = comments.byId(tx, id).orElseThrow(HttpError::notFound);
            if (!c.writtenBy(author.id())) {
                throw HttpError.forbidden("comment.error.not-author");
            }
            if (!comments.softDelete(tx, id, now)) {
                throw new HttpError(Status.GONE_410, "comment.error.deleted");
            }
            events.publish(tx, ContentEvent.Kind.COMMENT, id, ContentEvent.Change.DELETED);
            return c;
        });
    }

    /**
     * A reply from the fediverse (for the ActivityPub inbox). The HTML is sanitised before it is stored;
     * the same Note twice is stored once.
     *
     * @return the comment id, new or existing
     */
    public long addRemote(CommentRepository.NewRemoteComment c) {
        if (c.html() == null || c.html().length() > MAX_REMOTE_HTML || c.apId() == null || c.actorUri() == null) {
            throw HttpError.badRequest("comment.error.remote");
        }
        String profile = c.profileUrl() != null && c.profileUrl().toLowerCase(Locale.ROOT).matches("https?://.+")
                ? c.profileUrl() : null;
        String name = HtmlSanitizer.teaser(HtmlSanitizer.text(c.name() == null ? "" : c.name()), 80);
        CommentRepository.NewRemoteComment clean = new CommentRepository.NewRemoteComment(c.targetKind(),
                c.targetId(), c.parentId(), c.actorUri(), name.isEmpty() ? c.actorUri() : name, profile, c.apId(),
                HtmlSanitizer.clean(c.html()), c.published() == null ? clock.instant() : c.published());
        return sql.inTransaction(tx -> {
            target(c.targetKind(), c.targetId());
            Optional<Long> id = comments.insertRemote(tx, clean, clock.instant());
            id.ifPresent(i -> events.publish(tx, ContentEvent.Kind.COMMENT, i, ContentEvent.Change.CREATED));
            return id.orElseGet(() -> comments.idByApId(tx, c.apId()).orElseThrow());
        });
    }

    /**
     * An Update of a remote Note: changes the comment only if {@code actorUri} wrote it (an actor
     * cannot edit someone else's comment); the HTML is sanitised again.
     *
     * @return the comment's id, empty if there is no such comment of this actor
     */
    public Optional<Long> editRemote(String apId, String actorUri, String html) {
        if (html == null || html.length() > MAX_REMOTE_HTML) {
            throw HttpError.badRequest("comment.error.remote");
        }
        String clean = HtmlSanitizer.clean(html);
        return sql.inTransaction(tx -> {
            Optional<Long> id = comments.updateRemoteBody(tx, apId, actorUri, clean, clock.instant());
            id.ifPresent(i -> events.publish(tx, ContentEvent.Kind.COMMENT, i, ContentEvent.Change.UPDATED));
            return id;
        });
    }

    /** A Delete of a remote Note by its author; someone else's comment stays. */
    public Optional<Long> deleteRemote(String apId, String actorUri) {
        return sql.inTransaction(tx -> {
            Optional<Long> id = comments.softDeleteRemote(tx, apId, actorUri, clock.instant());
            id.ifPresent(i -> events.publish(tx, ContentEvent.Kind.COMMENT, i, ContentEvent.Change.DELETED));
            return id;
        });
    }

    private Comment own(Sql tx, Account author, long id) {
        Comment c = comments.byId(tx, id).orElseThrow(HttpError::notFound);
        if (!c.writtenBy(author.id())) {
            throw HttpError.forbidden("comment.error.not-author");
        }
        if (c.deleted()) {
            throw new HttpError(Status.GONE_410, "comment.error.deleted");
        }
        if (c.hiddenByModeration()) {
            throw HttpError.conflict("comment.error.hidden");
        }
        return c;
    }

    private static String checkBody(String body) {
        String text = body == null ? "" : body.strip();
        Optional<String> linkProblem = MarkdownLinks.problem(text);
        new InvalidInput.Collector()
                .check(!text.isEmpty(), "text", "comment.error.empty")
                .check(text.length() <= MAX_BODY, "text", "comment.error.too-long")
                .check(linkProblem.isEmpty(), "text", linkProblem.orElse(""))
                .throwIfAny();
        return text;
    }
}
