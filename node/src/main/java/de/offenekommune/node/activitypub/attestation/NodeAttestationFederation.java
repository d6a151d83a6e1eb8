package de.offenekommune.node.activitypub.attestation;

import java.net.URI;
import java.time.Clock;
import java.util.logging.Logger;

import de.offenekommune.federation.Federation;
import de.offenekommune.node.OrganisationParticipation;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.ActorDocuments;
import de.offenekommune.node.activitypub.actor.LocalActors;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.activitypub.organisation.OrganisationFederation;
import de.offenekommune.node.activitypub.organisation.RemoteAttestations;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;

/**
 * Node attestations in the fediverse, wired once per node: a region sends its members their
 * attestations ({@link NodeAttestationDelivery}); a member keeps what its trusted region sent and
 * carries it on its town actor ({@link NodeAttestationReceiver}); every node checks a town it
 * follows as soon as the town accepts, with the same verifier as organisations, so the town badge
 * appears without waiting for the town's next post.
 */
public final class NodeAttestationFederation {
    private static final Logger LOG = Logger.getLogger(NodeAttestationFederation.class.getName());

    /** What the node's ActivityPub side passes in. */
    public record Deps(NodeConfig config, Clock clock, Sql sql, NodeUris uris, Federation federation,
                       LocalActors actors, ActorDocuments documents, Activities activities, Publications publications,
                       NeighbourService neighbours, OrganisationParticipation organisations,
                       OrganisationFederation organisationFederation) {
    }

    private final NodeAttestationDelivery delivery;
    private final NodeAttestationReceiver receiver;

    public NodeAttestationFederation(Deps d) {
        TownAttestationsExtension extension = new TownAttestationsExtension(d.sql(),
                d.organisations().heldAttestations(), d.clock());
        d.documents().extend(extension);
        this.delivery = new NodeAttestationDelivery(d.uris(), d.activities(), d.publications());
        this.receiver = new NodeAttestationReceiver(d.sql(), URI.create(d.uris().town()), d.config().ags().strip(),
                new FetchedAttestations(d.federation().fetcher()), d.organisationFederation().verifier(),
                d.organisations().heldAttestations(), d.federation().remoteActors(), extension,
                new TownUpdates(d.sql(), d.actors(), d.documents(), d.activities(), d.publications()), d.clock());
        RemoteAttestations checks = d.organisationFederation().remoteAttestations();
        d.neighbours().onAccepted(town -> check(checks, town));
    }

    private static void check(RemoteAttestations checks, String town) {
        try {
            checks.seen(town);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Attestation check of " + town + " failed: " + e);
        }
    }

    public NodeAttestationDelivery delivery() {
        return delivery;
    }

    public NodeAttestationReceiver receiver() {
        return receiver;
    }
}
