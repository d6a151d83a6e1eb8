package de.offenekommune.node.activitypub.inbox;

import java.time.Clock;

import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.node.CitizenParticipation;
import de.offenekommune.node.OrganisationParticipation;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.LocalActors;
import de.offenekommune.node.activitypub.attestation.NodeAttestationFederation;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.activitypub.organisation.OrganisationFederation;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.BlockedBy;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.activitypub.publish.VoterInboxes;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.survey.ResponseService;

/** What the inbox handlers share: the node's services, the federation state, the publishing side. */
public record InboxContext(Sql sql, NodeUris uris, LocalActors actors, RemoteActors remoteActors,
                           Dereferencer dereferencer, Followers followers, BlockedBy blockedBy,
                           Activities activities, Publications publications, VoterInboxes voters,
                           CitizenParticipation participation, ResponseService responses,
                           NeighbourService neighbours, OrganisationParticipation organisations,
                           OrganisationFederation organisationFederation, NodeAttestationFederation nodeAttestations,
                           Clock clock) {
}
