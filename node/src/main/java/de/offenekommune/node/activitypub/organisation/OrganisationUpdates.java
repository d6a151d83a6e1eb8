package de.offenekommune.node.activitypub.organisation;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.ActorDocuments;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.organisation.OrganisationService;

/**
 * An attestation was issued or revoked: the organisation's actor document changed, so an
 * {@code Update} of it goes to its followers. The document is written after the decision committed
 * (it must show the new state); should the process die in between, other nodes still notice at their
 * next periodic check.
 */
public final class OrganisationUpdates implements ContentEvents.Listener {
    private static final Logger LOG = Logger.getLogger(OrganisationUpdates.class.getName());

    private final Sql sql;
    private final OrganisationService organisations;
    private final OrganisationActors actors;
    private final ActorDocuments documents;
    private final AttestationsExtension extension;
    private final Activities activities;
    private final Publications publications;

    public OrganisationUpdates(Sql sql, OrganisationService organisations, OrganisationActors actors,
                               ActorDocuments documents, AttestationsExtension extension, Activities activities,
                               Publications publications) {
        this.sql = sql;
        this.organisations = organisations;
        this.actors = actors;
        this.documents = documents;
        this.extension = extension;
        this.activities = activities;
        this.publications = publications;
    }

    @Override
    public void on(Sql tx, ContentEvent e) {
        if (e.kind() != ContentEvent.Kind.ORGANISATION) {
            return;
        }
        tx.afterCommit(() -> send(e.id()));
    }

    private void send(long organisationId) {
        extension.forget(organisationId);
        Optional<LocalActor> actor = organisations.byId(organisationId).map(actors::actor).filter(a -> !a.deleted());
        if (actor.isEmpty()) {
            return;
        }
        String id = actor.get().id();
        Activities.Activity update = activities.withSignedObject("Update", id, documents.document(actor.get()));
        update.json().putArray("to").add(Contexts.PUBLIC);
        update.json().putArray("cc").add(NodeUris.followers(id));
        sql.runInTransaction(tx -> publications.sent(tx, update, id, List.of(id), List.of()));
        LOG.info(() -> "Update of " + id + " sent to its followers");
    }
}
