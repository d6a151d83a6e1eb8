package de.offenekommune.node.activitypub.actor;

import de.offenekommune.federation.vocab.ActorDocument;

/**
 * Adds properties to actor documents (e.g. a verified organisation's attestations); registered with
 * {@link ActorDocuments#extend}. Called for every document served, so it must be cheap (cache what it reads).
 */
@FunctionalInterface
public interface ActorDocumentExtension {
    void extend(LocalActor actor, ActorDocument.Builder document);
}
