package de.offenekommune.node.activitypub.organisation;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import io.helidon.webserver.http.HttpRouting;

import de.offenekommune.federation.Federation;
import de.offenekommune.node.OrganisationParticipation;
import de.offenekommune.node.activitypub.ApContext;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.ActorDocuments;
import de.offenekommune.node.activitypub.actor.ActorKeyStore;
import de.offenekommune.node.activitypub.actor.LocalActors;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.comment.CommentTarget;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.config.VerificationConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.statement.StatementRepository;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.proof.ActorProofVerifier;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;
import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;

/**
 * Organisations in the fediverse, wired once per node: their actors (an {@code ActorSource}) with their
 * attestations on the document, the node's one long-lived attestation verifier (trust list: itself,
 * its region, the configured anchors) and the periodic re-check of remote organisations, signed
 * statements going out and coming in, and actor Updates after verification decisions.
 */
public final class OrganisationFederation implements AutoCloseable {

    /** What the node's ActivityPub side passes in. */
    public record Deps(NodeConfig config, Clock clock, Sql sql, NodeUris uris, ApContext context,
                       Federation federation, ActorKeyStore keys, LocalActors actors, ActorDocuments documents,
                       Activities activities, Publications publications, NeighbourService neighbours,
                       OrganisationParticipation organisations) {
    }

    private final Deps d;
    private final OrganisationActors actors;
    private final AttestationsExtension extension;
    private final ActorControllerDocuments controllerDocuments;
    private final AttestationVerifier verifier;
    private final RemoteAttestations remoteAttestations;
    private final AttestationRechecker rechecker;
    private final ObjectIntegrityProofs proofs;
    private final StatementNotes notes;
    private final StatementPlacements placements;
    private final RemoteStatementReceiver receiver;
    private final StatementRepository statements;

    public OrganisationFederation(Deps d) {
        this.d = d;
        VerificationConfig v = d.config().verification();
        this.actors = new OrganisationActors(d.uris(), d.organisations().organisations());
        d.actors().register(actors);
        this.extension = new AttestationsExtension(d.sql(), d.organisations().attestations(), d.clock());
        d.documents().extend(extension);
        this.controllerDocuments = new ActorControllerDocuments(d.federation().dereferencer(), v.cacheTtl(), d.clock());
        TrustList trust = new TrustList(URI.create(d.uris().town()),
                d.config().region() ? NodeKind.REGION : NodeKind.TOWN, v.region(), v.trustAnchors());
        this.verifier = new AttestationVerifier(trust, controllerDocuments,
                new FetchedRevocationLists(d.federation().fetcher(), v.cacheTtl(), d.clock()), d.clock());
        this.remoteAttestations = new RemoteAttestations(d.sql(), d.organisations().remoteStatus(),
                d.federation().remoteActors(), verifier, v.recheckInterval(), d.clock());
        this.rechecker = new AttestationRechecker(remoteAttestations, v.recheckInterval());
        this.proofs = new ObjectIntegrityProofs(ActorProofVerifier.withEddsaSuites(controllerDocuments, d.clock()),
                d.clock());
        this.notes = new StatementNotes(d.uris(), d.context(), d.keys(), proofs);
        d.organisations().statements().targets().register(StatementPlacements.NEIGHBOUR, (sql, id) -> neighbour(id));
        this.placements = new StatementPlacements(d.uris(), d.organisations().statements().targets(), d.neighbours());
        this.receiver = new RemoteStatementReceiver(new RawDocuments(d.federation().fetcher()), proofs,
                remoteAttestations, d.federation().remoteActors(), d.organisations().statements());
        this.statements = new StatementRepository(d.uris().base());
    }

    /** Statements and actor Updates go out with the changes that cause them. */
    public void subscribe(ContentEvents events) {
        events.subscribe(new StatementPublisher(d.uris(), statements, placements, notes, proofs, d.activities(),
                d.publications(), d.clock()));
        events.subscribe(new OrganisationUpdates(d.sql(), d.organisations().organisations(), actors, d.documents(),
                extension, d.activities(), d.publications()));
    }

    public void routing(HttpRouting.Builder routing) {
        routing.register("/", new StatementObjectPages(d.sql(), d.uris(), statements, placements, notes,
                d.activities(), d.clock()));
    }

    public void start() {
        rechecker.start();
    }

    @Override
    public void close() {
        rechecker.close();
    }

    /** The town actor's Ed25519 key: what attestations and the revocation list are signed with. */
    public SigningKey townKey() {
        return notes.signingKey(d.uris().town());
    }

    public OrganisationActors actors() {
        return actors;
    }

    public AttestationVerifier verifier() {
        return verifier;
    }

    public RemoteAttestations remoteAttestations() {
        return remoteAttestations;
    }

    public RemoteStatementReceiver receiver() {
        return receiver;
    }

    public ObjectIntegrityProofs proofs() {
        return proofs;
    }

    public ActorControllerDocuments controllerDocuments() {
        return controllerDocuments;
    }

    /** A neighbour's project or proposal an organisation can make a statement on. */
    private Optional<CommentTarget> neighbour(long id) {
        try {
            NeighbourItem item = d.neighbours().item(id);
            return Optional.of(new CommentTarget(StatementPlacements.NEIGHBOUR, item.id(), item.name(), item.path()));
        } catch (HttpError gone) {
            return Optional.empty();
        }
    }
}
