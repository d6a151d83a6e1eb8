package de.offenekommune.node.activitypub.mapper;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local object in its ActivityStreams form, with what publishing needs to address it.
 *
 * @param owner     the local actor it is attributed to (who creates, updates and deletes it)
 * @param group     the project group it belongs to (announces it to its followers), or null
 * @param addressed remote actors to address besides followers (e.g. the author of the comment replied to)
 * @param json      the document without {@code @context}; a Tombstone when deleted
 * @param deletedAt when it was deleted, or null
 */
public record ApObject(String id, String type, String owner, String group, List<String> addressed, ObjectNode json,
                       Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
