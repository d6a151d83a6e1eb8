package de.offenekommune.node.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.helidon.http.Status;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.addressee.AddresseeRepository;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;
import de.offenekommune.node.web.MarkdownLinks;

/** Proposals: submission by citizens, the list, the page, and status changes and answers. */
public final class ProposalService {
    private static final Logger LOG = Logger.getLogger(ProposalService.class.getName());
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    public static final int MIN_TITLE = 5;
    public static final int MAX_TITLE = 150;
    public static final int MIN_SUMMARY = 10;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_LOCATION = 200;
    public static final int MAX_ADDRESSEES = 20;

    private final Sql sql;
    private final ProposalRepository proposals;
    private final AddresseeRepository addressees;
    private final ProposalSettings settings;
    private final ProposalNotifier notifier;
    private final ContentEvents events;
    private final Clock clock;

    public ProposalService(Sql sql, ProposalRepository proposals, AddresseeRepository addressees,
                           ProposalSettings settings, ProposalNotifier notifier, ContentEvents events, Clock clock) {
        this.sql = sql;
        this.proposals = proposals;
        this.addressees = addressees;
        this.settings = settings;
        this.notifier = notifier;
        this.events = events;
        this.clock = clock;
    }

    /** What the form sends, unchecked. {@code submissionKey} is the form's one-time value. */
    public record Draft(String title, String summary, String body, String topic, String location,
                        List<String> addresseeIds, String submissionKey) {
    }

    /** The outcome of a submission: a new proposal, or the one this form already created. */
    public sealed interface Submission {
        long id();

        record Created(long id) implements Submission {
        }

        record AlreadySubmitted(long id) implements Submission {
        }
    }

    /**
     * Stores the proposal and queues the addressees' e-mails in one transaction.
     *
     * @throws InvalidInput for any bad field (nothing is written)
     * @throws HttpError 403 for an unconfirmed account, 400 for a missing form key
     */
    public Submission submit(Account author, Draft d) {
        if (!author.confirmed()) {
            throw HttpError.forbidden("proposal.error.unconfirmed");
        }
        if (d.submissionKey() == null || !SUBMISSION_KEY.matcher(d.submissionKey()).matches()) {
            throw HttpError.badRequest("proposal.error.form-key");
        }
        Checked c = check(d);
        Instant now = clock.instant();
        ProposalSettings.Values rule = settings.current();
        ProposalRepository.NewProposal p = new ProposalRepository.NewProposal(author.id(), d.submissionKey(), c.title,
                c.summary, c.body, Markdown.toHtml(c.body), c.topic, c.location, rule.threshold(),
                now.plus(rule.period()), now);
        return sql.inTransaction(tx -> {
            List<Addressee> chosen = addressees.activeByIds(tx, c.addresseeIds);
            if (chosen.size() != c.addresseeIds.size()) {
                throw InvalidInput.of("addressees", "proposal.error.addressee-unknown");
            }
            Optional<Long> id = proposals.insert(tx, p);
            if (id.isEmpty()) {
                return new Submission.AlreadySubmitted(
                        proposals.idBySubmissionKey(tx, author.id(), d.submissionKey()).orElseThrow());
            }
            addressees.link(tx, id.get(), c.addresseeIds);
            notifier.submitted(tx, id.get(), p, author.displayName(), chosen);
            events.publish(tx, ContentEvent.Kind.PROPOSAL, id.get(), ContentEvent.Change.CREATED);
            LOG.fine(() -> "Proposal " + id.get() + " submitted by account " + author.id());
            return new Submission.Created(id.get());
        });
    }

    private record Checked(String title, String summary, String body, Topic topic, String location,
                           Set<Long> addresseeIds) {
    }

    private static Checked check(Draft d) {
        String title = strip(d.title());
        String summary = strip(d.summary());
        String body = d.body() == null ? "" : d.body().strip();
        String location = strip(d.location());
        Topic topic = Topic.parse(d.topic()).orElse(null);
        Set<Long> ids = new LinkedHashSet<>();
        boolean idsOk = d.addresseeIds().size() <= MAX_ADDRESSEES;
        for (String raw : d.addresseeIds()) {
            try {
                long id = Long.parseLong(raw.trim());
                if (id > 0) {
                    ids.add(id);
                } else {
                    idsOk = false;
                }
            } catch (NumberFormatException e) {
                idsOk = false;
            }
        }
        Optional<String> linkProblem = MarkdownLinks.problem(body);
        new InvalidInput.Collector()
                .check(title.length() >= MIN_TITLE, "title", "proposal.error.title-short")
                .check(title.length() <= MAX_TITLE, "title", "proposal.error.title-long")
                .check(summary.length() >= MIN_SUMMARY, "summary", "proposal.error.summary-short")
                .check(summary.length() <= MAX_SUMMARY, "summary", "proposal.error.summary-long")
                .check(!body.isEmpty(), "body", "proposal.error.body-empty")
                .check(body.length() <= MAX_BODY, "body", "proposal.error.body-long")
                .check(linkProblem.isEmpty(), "body", linkProblem.orElse(""))
                .check(topic != null, "topic", "proposal.error.topic")
                .check(location.length() <= MAX_LOCATION, "location", "form.error.too-long")
                .check(!d.addresseeIds().isEmpty(), "addressees", "proposal.error.addressee-missing")
                .check(idsOk, "addressees", "proposal.error.addressee-unknown")
                .throwIfAny();
        return new Checked(title, summary, body, topic, location.isEmpty() ? null : location, ids);
    }

    /** A proposal and what its page needs besides comments and supports. */
    public record Detail(Proposal proposal, List<Addressee> addressees, boolean mayAnswer) {
    }

    /** @throws HttpError 404 unknown, 410 deleted */
    public Detail detail(Optional<Account> viewer, long id) {
        Proposal p = proposals.byId(sql, id).orElseThrow(HttpError::notFound);
        if (p.deleted()) {
            throw new HttpError(Status.GONE_410, "proposal.error.deleted");
        }
        List<Addressee> to = addressees.ofProposal(sql, id);
        boolean mayAnswer = viewer.map(a -> a.is(Role.STAFF) || to.stream().anyMatch(ad -> ad.linkedTo(a.id())))
                .orElse(false);
        return new Detail(p, to, mayAnswer);
    }

    /** A live proposal for staff (the API): hidden ones included. @throws HttpError 404 unknown or deleted */
    public Detail live(long id) {
        Proposal p = proposals.byId(sql, id).filter(x -> !x.deleted()).orElseThrow(HttpError::notFound);
        return new Detail(p, addressees.ofProposal(sql, id), true);
    }

    /** One page of the list and the cursor of the next page (null on the last). */
    public record Listing(List<ProposalSummary> items, String next) {
    }

    public Listing list(ProposalQuery q) {
        List<ProposalSummary> rows = proposals.page(sql, q, q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<ProposalSummary> shown = more ? rows.subList(0, q.limit()) : rows;
        Map<Long, List<Addressee>> to = addressees.ofProposals(sql, shown.stream().map(ProposalSummary::id).toList());
        List<ProposalSummary> items = new ArrayList<>(shown.size());
        for (ProposalSummary s : shown) {
            items.add(s.with(to.getOrDefault(s.id(), List.of()), s.comments()));
        }
        return new Listing(items, more ? q.cursorAfter(shown.getLast()) : null);
    }

    /** A status change or answer as the form sends it, unchecked. */
    public record StatusChange(String status, String outcome, String answer) {
    }

    /**
     * Sets "in review" or answers. Staff may, and so may the account linked to one of the proposal's
     * addressees; the author and the supporters are mailed in the same transaction.
     *
     * @throws HttpError 403 not allowed, 404 unknown, 409 a step back (answered to in review)
     * @throws InvalidInput bad status, outcome or answer text
     */
    public void changeStatus(Account actor, long id, StatusChange change) {
        // Who may answer is decided before the form is checked (and again under the row lock below).
        if (!actor.is(Role.STAFF) && addressees.linkedAddresseeOf(sql, id, actor.id()).isEmpty()) {
            throw HttpError.forbidden("proposal.error.not-addressee");
        }
        ProposalStatus target = ProposalStatus.parse(change.status());
        Outcome outcome = Outcome.parse(change.outcome());
        String answer = change.answer() == null ? "" : change.answer().strip();
        boolean answering = target == ProposalStatus.ANSWERED;
        Optional<String> linkProblem = MarkdownLinks.problem(answer);
        new InvalidInput.Collector()
                .check(target == ProposalStatus.IN_REVIEW || answering, "status", "proposal.error.status")
                .check(!answering || outcome != null, "outcome", "proposal.error.outcome")
                .check(!answering || !answer.isEmpty(), "answer", "proposal.error.answer-empty")
                .check(answer.length() <= MAX_BODY, "answer", "proposal.error.body-long")
                .check(linkProblem.isEmpty(), "answer", linkProblem.orElse(""))
                .throwIfAny();
        Instant now = clock.instant();
        sql.runInTransaction(tx -> {
            ProposalStatus current = proposals.lockStatus(tx, id).orElseThrow(HttpError::notFound);
            Optional<Addressee> linked = addressees.linkedAddresseeOf(tx, id, actor.id());
            if (!actor.is(Role.STAFF) && linked.isEmpty()) {
                throw HttpError.forbidden("proposal.error.not-addressee");
            }
            if (answering) {
                proposals.setAnswer(tx, id, outcome, answer, Markdown.toHtml(answer), actor.id(),
                        linked.map(Addressee::id).orElse(null), now);
            } else if (current == ProposalStatus.SUBMITTED) {
                proposals.setStatus(tx, id, ProposalStatus.IN_REVIEW, now);
            } else {
                throw HttpError.conflict("proposal.error.transition");
            }
            notifier.statusChanged(tx, proposals.byId(tx, id).orElseThrow());
            events.publish(tx, ContentEvent.Kind.PROPOSAL_STATUS, id, ContentEvent.Change.UPDATED);
            LOG.info(() -> "Proposal " + id + " set to " + target + " by account " + actor.id());
        });
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
