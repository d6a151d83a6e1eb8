package de.offenekommune.node.activitypub.actor;

import java.util.Optional;

/**
 * Further kinds of local actors, beyond the built-in town, projects, citizens and instance actor.
 * The extension point for verified organisations: their module registers a source (and, for the
 * attestation on the document, an {@link ActorDocumentExtension}); keys, WebFinger, inboxes, outbox
 * and followers then work for them as for every other actor.
 */
public interface ActorSource {
    /** The actor with this id, if it is one of this source's. */
    Optional<LocalActor> byId(String actorId);

    /** The actor with this handle, if it is one of this source's. Handles must not collide with the built-in ones. */
    Optional<LocalActor> byHandle(String handle);
}
