package de.offenekommune.node.activitypub.attestation;

import java.util.List;
import java.util.logging.Logger;

import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.ActorDocuments;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.activitypub.actor.LocalActors;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;

/**
 * The town actor's document changed (a node attestation arrived or was withdrawn): an {@code Update}
 * of it goes to its followers, who then check its attestations again. Sent after the change
 * committed, so the document shows the new state; followers that miss it notice at their next
 * periodic check.
 */
final class TownUpdates {
    private static final Logger LOG = Logger.getLogger(TownUpdates.class.getName());

    private final Sql sql;
    private final LocalActors actors;
    private final ActorDocuments documents;
    private final Activities activities;
    private final Publications publications;

    TownUpdates(Sql sql, LocalActors actors, ActorDocuments documents, Activities activities,
                Publications publications) {
        this.sql = sql;
        this.actors = actors;
        this.documents = documents;
        this.activities = activities;
        this.publications = publications;
    }

    void send() {
        LocalActor town = actors.town();
        Activities.Activity update = activities.withSignedObject("Update", town.id(), documents.document(town));
        update.json().putArray("to").add(Contexts.PUBLIC);
        update.json().putArray("cc").add(NodeUris.followers(town.id()));
        sql.runInTransaction(tx -> publications.sent(tx, update, town.id(), List.of(town.id()), List.of()));
        LOG.info(() -> "Update of the town actor " + town.id() + " sent to its followers");
    }
}
