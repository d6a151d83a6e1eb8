package de.offenekommune.node.activitypub.mapper;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.comment.Comment;
import de.offenekommune.node.web.Messages;

/**
 * Local comments as {@code Note}s by their author's {@code Person}, {@code inReplyTo} the comment
 * they answer (ours or a remote one) or the object they are on; a reply to a remote author mentions
 * and addresses that author, so their server threads and notifies it.
 */
public final class CommentMapper {
    private final NodeUris uris;
    private final Messages msg;

    public CommentMapper(NodeUris uris, Messages msg) {
        this.uris = uris;
        this.msg = msg;
    }

    /** Where a comment sits: what it replies to, the group of the project it is in, the remote author replied to. */
    public record Placement(String inReplyTo, String context, String group, String remoteParentAuthor) {
    }

    /** @param author the local author's actor id, or null when the account is gone */
    public ApObject toNote(Comment c, String author, Placement at) {
        String id = uris.comment(c.id());
        String owner = author != null ? author : uris.town();
        if (c.deleted() || author == null) {
            return Tombstones.deleted(id, "Note", owner, at.group(), c.deleted() ? c.deletedAt() : c.createdAt());
        }
        ObjectNode note = ActivityJson.newObject().put("id", id).put("type", "Note").put("attributedTo", author)
                .put("inReplyTo", at.inReplyTo());
        if (at.context() != null) {
            note.put("context", at.context());
        }
        if (at.group() != null) {
            note.put("audience", at.group());
        }
        note.put("content", c.hiddenByModeration()
                        ? AsText.paragraph(msg.get("moderation.hidden-in-place", c.hidden().reason())) : c.bodyHtml())
                .put("mediaType", "text/html").put("url", id).put("published", AsText.time(c.createdAt()));
        if (c.editedAt() != null) {
            note.put("updated", AsText.time(c.editedAt()));
        }
        List<String> notify = Addressing.list(at.remoteParentAuthor());
        Addressing.publicly(note, author, at.group(), notify);
        if (at.remoteParentAuthor() != null) {
            note.putArray("tag").addObject().put("type", "Mention").put("href", at.remoteParentAuthor())
                    .put("name", at.remoteParentAuthor());
        }
        return new ApObject(id, "Note", author, at.group(), notify, note, null);
    }
}
