package de.offenekommune.node.comment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.offenekommune.node.web.StoredHtml;

/**
 * A whole thread in reading order: every reply right after its parent (depth first, oldest first).
 * Built in memory from one query, without recursion, so a deep chain of replies cannot overflow the
 * stack and a long thread costs one database round trip.
 *
 * @param count comments that are not deleted
 */
public record CommentThread(String targetKind, long targetId, List<Entry> entries, int count,
                            Map<Long, StoredHtml> bodies) {
    /** Deeper replies are shown at this indentation; the "reply to" link keeps the relation clear. */
    public static final int MAX_INDENT = 5;

    /** @param parent the comment replied to, null at the top level */
    public record Entry(Comment comment, int depth, Comment parent) {
        public int indent() {
            return Math.min(depth, MAX_INDENT);
        }
    }

    /** A comment's body as the page prints it (sanitised when stored). */
    public StoredHtml body(Comment comment) {
        StoredHtml body = bodies.get(comment.id());
        return body != null ? body : StoredHtml.of(comment.bodyHtml());
    }

    /** @param comments all comments of one target, in id order */
    public static CommentThread build(String targetKind, long targetId, List<Comment> comments) {
        return build(targetKind, targetId, comments, Map.of());
    }

    /**
     * @param comments all comments of one target, in id order
     * @param bodies   their bodies by id, as read for this thread (others are encoded from the comment)
     */
    public static CommentThread build(String targetKind, long targetId, List<Comment> comments,
                                      Map<Long, StoredHtml> bodies) {
        Map<Long, Comment> byId = new HashMap<>();
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : comments) {
            byId.put(c.id(), c);
        }
        for (Comment c : comments) {
            if (c.parentId() == null || !byId.containsKey(c.parentId())) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Entry> entries = new ArrayList<>(comments.size());
        Deque<Entry> stack = new ArrayDeque<>();
        for (Comment root : roots.reversed()) {
            stack.push(new Entry(root, 0, null));
        }
        while (!stack.isEmpty()) {
            Entry e = stack.pop();
            entries.add(e);
            List<Comment> replies = children.getOrDefault(e.comment().id(), List.of());
            for (Comment reply : replies.reversed()) {
                stack.push(new Entry(reply, e.depth() + 1, e.comment()));
            }
        }
        int count = (int) comments.stream().filter(c -> !c.deleted()).count();
        return new CommentThread(targetKind, targetId, entries, count, bodies);
    }
}
