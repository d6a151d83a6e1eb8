package de.offenekommune.node.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import de.offenekommune.node.web.StoredHtml;

/**
 * Comment bodies as pages print them, remembered by comment id and row version (PostgreSQL's
 * {@code xmin}, new with every change of the row, however it was made). A thread's query then
 * reads only the versions, and only new or changed bodies are read (one more statement). The
 * bodies were most of what the project page's 200 comments cost PostgreSQL to send and the node to
 * decode and encode again. Never stale: a body is used only for the exact row version the thread's
 * query saw (or a newer one). The memory is bounded (cleared when full).
 */
final class CommentBodies {
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** A body and the row version it was read with. */
    record Stored(long id, long version, String html) {
    }

    private record Body(long version, StoredHtml html) {
    }

    private final Map<Long, Body> bodies = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    CommentBodies() {
        this(MAX_BYTES);
    }

    CommentBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The bodies of comments at (at least) the given row versions.
     *
     * @param versions comment id to the row version the thread's query saw
     * @param read     reads the current bodies of the ids given (called at most once, only for unknown ones)
     */
    Map<Long, StoredHtml> of(Map<Long, Long> versions, Function<Collection<Long>, List<Stored>> read) {
        Map<Long, StoredHtml> found = new HashMap<>(versions.size() * 2);
        List<Long> missing = new ArrayList<>();
        versions.forEach((id, version) -> {
            Body body = bodies.get(id);
            if (body != null && body.version() == version) {
                found.put(id, body.html());
            } else {
                missing.add(id);
            }
        });
        if (!missing.isEmpty()) {
            for (Stored s : read.apply(missing)) {
                StoredHtml html = StoredHtml.of(s.html());
                found.put(s.id(), html);
                remember(s.id(), new Body(s.version(), html));
            }
        }
        return found;
    }

    int size() {
        return bodies.size();
    }

    private void remember(long id, Body body) {
        long size = body.html().utf8().length + 2L * body.html().html().length() + 64;
        if (bytes.addAndGet(size) > maxBytes) {
            bodies.clear();
            bytes.set(size);
        }
        bodies.put(id, body);
    }
}
