package de.offenekommune.node;

import java.time.Clock;

import io.helidon.webserver.http.HttpRouting;

import de.offenekommune.node.addressee.AddresseePages;
import de.offenekommune.node.addressee.AddresseeRepository;
import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.comment.CommentPages;
import de.offenekommune.node.comment.CommentRepository;
import de.offenekommune.node.comment.CommentService;
import de.offenekommune.node.comment.CommentTargets;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.legal.LegalPageService;
import de.offenekommune.node.legal.LegalPages;
import de.offenekommune.node.mail.MailOutbox;
import de.offenekommune.node.moderation.ModeratedKinds;
import de.offenekommune.node.moderation.ModerationPages;
import de.offenekommune.node.moderation.ModerationRepository;
import de.offenekommune.node.moderation.ModerationService;
import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.node.proposal.ProposalNotifier;
import de.offenekommune.node.proposal.ProposalPages;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.proposal.ProposalService;
import de.offenekommune.node.proposal.ProposalSettings;
import de.offenekommune.node.proposal.ProposalSettingsPages;
import de.offenekommune.node.search.SearchPages;
import de.offenekommune.node.statement.StatementService;
import de.offenekommune.node.search.SearchRepository;
import de.offenekommune.node.search.SearchService;
import de.offenekommune.node.support.SupportPages;
import de.offenekommune.node.support.SupportRepository;
import de.offenekommune.node.support.SupportService;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Pages;

/**
 * The citizens' side of participation, built once per node: addressees, proposals, supports,
 * comments, moderation, the legal pages and search. Other domains reach in through {@link #commentTargets()}
 * and {@link #moderatedKinds()} to make their objects commentable and flaggable.
 */
public record CitizenParticipation(AddresseeService addressees, ProposalSettings proposalSettings,
                                   ProposalRepository proposalRepository, ProposalService proposals,
                                   SupportService supports, CommentTargets commentTargets, CommentService comments,
                                   ModeratedKinds moderatedKinds, ModerationService moderation,
                                   LegalPageService legal, SearchService search) {

    static CitizenParticipation create(NodeConfig config, Clock clock, Sql sql, MailOutbox mail,
                                       ContentEvents events) {
        AddresseeRepository addresseeRepository = new AddresseeRepository();
        ProposalRepository proposalRepository = new ProposalRepository();
        CommentRepository commentRepository = new CommentRepository();
        ProposalSettings settings = new ProposalSettings(sql, config.proposals());
        ProposalNotifier notifier = new ProposalNotifier(mail, config);

        CommentTargets targets = new CommentTargets();
        targets.register(ProposalRepository.KIND, proposalRepository::commentTarget);
        ProjectComments.register(targets, clock);
        ModeratedKinds kinds = new ModeratedKinds();
        kinds.register(ProposalRepository.KIND, proposalRepository::moderated, ProposalRepository::path);
        kinds.register(CommentRepository.KIND, commentRepository::moderated, CommentRepository::path);

        return new CitizenParticipation(
                new AddresseeService(sql, addresseeRepository, clock),
                settings,
                proposalRepository,
                new ProposalService(sql, proposalRepository, addresseeRepository, settings, notifier, events, clock),
                new SupportService(sql, new SupportRepository(), proposalRepository, notifier, events, clock),
                targets,
                new CommentService(sql, commentRepository, targets, events, clock),
                kinds,
                new ModerationService(sql, new ModerationRepository(), kinds, clock),
                new LegalPageService(sql, config),
                new SearchService(sql, new SearchRepository(), clock));
    }

    void routing(HttpRouting.Builder routing, Pages pages, Forms forms, Clock clock, StatementService statements) {
        routing.register("/vorschlaege", new ProposalPages(proposals, supports, comments, statements, addressees,
                        proposalSettings, pages, forms, clock))
                .register("/vorschlaege", new SupportPages(supports, forms))
                .register("/kommentare", new CommentPages(comments, pages, forms))
                .register("/", new ModerationPages(moderation, pages, forms))
                .register("/", new LegalPages(legal, pages, forms))
                .register("/", new SearchPages(search, pages))
                .register("/admin/adressaten", new AddresseePages(addressees, pages, forms))
                .register("/admin/einstellungen", new ProposalSettingsPages(proposalSettings, pages, forms));
    }
}
