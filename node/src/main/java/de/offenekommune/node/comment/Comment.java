package de.offenekommune.node.comment;

import java.time.Instant;

import de.offenekommune.node.moderation.Hidden;

/**
 * A comment on a public object (the target), local or from the fediverse.
 *
 * @param parentId the comment this replies to, null at the top of the thread
 * @param bodyMarkdown the local author's source (null for remote comments and in thread lists)
 * @param bodyHtml sanitised when written; empty once deleted
 * @param hidden null unless moderation hid it
 */
public record Comment(long id, String targetKind, long targetId, Long parentId, CommentAuthor author,
                      String bodyMarkdown, String bodyHtml, Instant createdAt, Instant editedAt, Instant deletedAt,
                      Hidden hidden) {

    /** This comment with its body (a thread reads bodies apart). */
    public Comment withBodyHtml(String html) {
        return new Comment(id, targetKind, targetId, parentId, author, bodyMarkdown, html, createdAt, editedAt, deletedAt,
                hidden);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hiddenByModeration() {
        return hidden != null;
    }

    public boolean writtenBy(long accountId) {
        return author.accountId() != null && author.accountId() == accountId;
    }
}
