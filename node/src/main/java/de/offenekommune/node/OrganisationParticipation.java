package de.offenekommune.node;

import java.time.Clock;

import io.helidon.webserver.http.HttpRouting;

import de.offenekommune.node.comment.CommentTargets;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.organisation.OrganisationRepository;
import de.offenekommune.node.organisation.OrganisationService;
import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.statement.StatementPages;
import de.offenekommune.node.statement.StatementRepository;
import de.offenekommune.node.statement.StatementService;
import de.offenekommune.node.verification.AttestationRepository;
import de.offenekommune.node.verification.HeldAttestationRepository;
import de.offenekommune.node.verification.RemoteStatusRepository;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Pages;

/**
 * Organisations taking part: organisation accounts, their official statements, and what pages need
 * to show badges (the attestations issued here, the last checks of remote organisations and towns,
 * the node attestations this node's town actor holds). Built before ActivityPub, which gives
 * organisations their actors; the verification workflow comes after.
 */
public record OrganisationParticipation(OrganisationService organisations, StatementService statements,
                                        AttestationRepository attestations, RemoteStatusRepository remoteStatus,
                                        HeldAttestationRepository heldAttestations) {

    static OrganisationParticipation create(NodeConfig config, Clock clock, Sql sql, ContentEvents events,
                                            CitizenParticipation participation) {
        OrganisationRepository organisationRepository = new OrganisationRepository();
        AttestationRepository attestations = new AttestationRepository();
        CommentTargets targets = new CommentTargets();
        CommentTargets commentable = participation.commentTargets();
        targets.register(ProposalRepository.KIND, (s, id) -> commentable.find(s, ProposalRepository.KIND, id));
        targets.register(ProjectComments.PROJECT, (s, id) -> commentable.find(s, ProjectComments.PROJECT, id));
        return new OrganisationParticipation(
                new OrganisationService(sql, organisationRepository, config.handle(), clock),
                new StatementService(sql, new StatementRepository(config.baseUrl().toString()), targets,
                        organisationRepository, attestations, events, clock),
                attestations,
                new RemoteStatusRepository(),
                new HeldAttestationRepository());
    }

    void routing(HttpRouting.Builder routing, Pages pages, Forms forms) {
        routing.register("/stellungnahmen", new StatementPages(statements, pages, forms));
    }
}
