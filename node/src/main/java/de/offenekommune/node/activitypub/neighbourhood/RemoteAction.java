package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Instant;
import java.util.UUID;

/** A citizen's Like (support) or Note (comment) on a neighbour's object, sent with their own actor. */
public record RemoteAction(long id, UUID uuid, long accountId, long itemId, Kind kind, String bodyHtml,
                           Instant createdAt, Instant deletedAt) {

    public enum Kind {
        LIKE, NOTE
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
