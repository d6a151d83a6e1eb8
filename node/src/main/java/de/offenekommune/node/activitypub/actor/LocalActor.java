package de.offenekommune.node.activitypub.actor;

import java.time.Instant;

/**
 * A local actor as its document and WebFinger show it.
 *
 * @param handle     the user part of {@code acct:handle@host}
 * @param summary    plain text, may be empty
 * @param profileUrl the HTML page people see
 * @param localId    the project or account id behind it (0 for the town and instance actor)
 * @param locked     followers need approval (none of the built-in kinds is locked: their content is public)
 * @param deletedAt  set when the project or account is gone (the actor then answers 410)
 */
public record LocalActor(ActorKind kind, String id, String handle, String name, String summary, String profileUrl,
                         long localId, boolean locked, Instant createdAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
