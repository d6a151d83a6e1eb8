package de.offenekommune.node.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.helidon.http.Status;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.proposal.ProposalNotifier;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.web.HttpError;

/**
 * Supporting a proposal and withdrawing the support. The support row and the proposal's counter
 * change in one transaction; reaching the threshold notifies the addressees exactly once.
 */
public final class SupportService {
    private final Sql sql;
    private final SupportRepository supports;
    private final ProposalRepository proposals;
    private final ProposalNotifier notifier;
    private final ContentEvents events;
    private final Clock clock;

    public SupportService(Sql sql, SupportRepository supports, ProposalRepository proposals, ProposalNotifier notifier,
                          ContentEvents events, Clock clock) {
        this.sql = sql;
        this.supports = supports;
        this.proposals = proposals;
        this.notifier = notifier;
        this.events = events;
        this.clock = clock;
    }

    /** What a support request did. */
    public sealed interface Added {
        record Supported(long supportId) implements Added {
        }

        record AlreadySupported() implements Added {
        }
    }

    /** What a withdrawal did. */
    public sealed interface Removed {
        record Withdrawn(long supportId) implements Removed {
        }

        record NotSupported() implements Removed {
        }
    }

    /** @throws HttpError 403 unconfirmed account, 404 unknown, 410 deleted, 409 closed (answered or past deadline) */
    public Added support(Account account, long proposalId) {
        if (!account.confirmed()) {
            throw HttpError.forbidden("proposal.error.unconfirmed");
        }
        return add(proposalId, tx -> supports.insertLocal(tx, proposalId, account.id()), false);
    }

    /** Withdrawing is always possible, also after the deadline. */
    public Removed withdraw(Account account, long proposalId) {
        return sql.inTransaction(tx -> {
            lock(tx, proposalId);
            Optional<Long> removed = supports.deleteLocal(tx, proposalId, account.id());
            removed.ifPresent(id -> removed(tx, proposalId, id, false));
            return removed.<Removed>map(Removed.Withdrawn::new).orElseGet(Removed.NotSupported::new);
        });
    }

    /**
     * A fediverse Like of the proposal (for the ActivityPub inbox): counted apart from local supports;
     * the same actor twice, or the same activity twice, counts once.
     */
    public Added supportRemote(long proposalId, String actorUri, String likeId) {
        return add(proposalId, tx -> supports.insertRemote(tx, proposalId, actorUri, likeId), true);
    }

    /** An Undo of a Like: only the actor who sent it can undo it. */
    public Removed withdrawRemote(String likeId, String actorUri) {
        return sql.inTransaction(tx -> {
            Optional<SupportRepository.Removed> removed = supports.deleteRemote(tx, likeId, actorUri);
            removed.ifPresent(r -> removed(tx, r.proposalId(), r.id(), true));
            return removed.<Removed>map(r -> new Removed.Withdrawn(r.id())).orElseGet(Removed.NotSupported::new);
        });
    }

    public boolean supports(Account account, long proposalId) {
        return supports.supports(sql, proposalId, account.id());
    }

    private Added add(long proposalId, java.util.function.Function<Sql, Optional<Long>> insert, boolean remote) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            if (!lock(tx, proposalId).open(now)) {
                throw HttpError.conflict("support.error.closed");
            }
            Optional<Long> added = insert.apply(tx);
            if (added.isEmpty()) {
                return new Added.AlreadySupported();
            }
            proposals.addSupports(tx, proposalId, remote, 1);
            if (proposals.markThresholdReached(tx, proposalId, now)) {
                notifier.thresholdReached(tx, proposalId);
            }
            events.publish(tx, ContentEvent.Kind.SUPPORT, added.get(), ContentEvent.Change.CREATED);
            return new Added.Supported(added.get());
        });
    }

    private void removed(Sql tx, long proposalId, long supportId, boolean remote) {
        proposals.addSupports(tx, proposalId, remote, -1);
        events.publish(tx, ContentEvent.Kind.SUPPORT, supportId, ContentEvent.Change.DELETED);
    }

    private ProposalRepository.SupportState lock(Sql tx, long proposalId) {
        ProposalRepository.SupportState state = proposals.lockForSupport(tx, proposalId)
                .orElseThrow(HttpError::notFound);
        if (state.deleted()) {
            throw new HttpError(Status.GONE_410, "proposal.error.deleted");
        }
        return state;
    }
}
