package de.offenekommune.node.activitypub.attestation;

import java.net.URI;
import java.util.List;

import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;

/**
 * The region's side: its node attestation of a member goes to the member's town actor as
 * {@code Add}, its withdrawal as {@code Remove}, through the durable delivery queue in the caller's
 * transaction (so an attestation is never issued without being sent).
 */
public final class NodeAttestationDelivery {
    private final NodeUris uris;
    private final Activities activities;
    private final Publications publications;

    NodeAttestationDelivery(NodeUris uris, Activities activities, Publications publications) {
        this.uris = uris;
        this.activities = activities;
        this.publications = publications;
    }

    public void add(Sql tx, String member, URI attestation) {
        send(tx, activities.attestationAdded(uris.town(), attestation.toString(), member), member);
    }

    public void remove(Sql tx, String member, URI attestation) {
        send(tx, activities.attestationRemoved(uris.town(), attestation.toString(), member), member);
    }

    private void send(Sql tx, Activities.Activity a, String member) {
        publications.direct(tx, uris.town(), a.uuid(), a.json(), List.of(), List.of(member));
    }
}
