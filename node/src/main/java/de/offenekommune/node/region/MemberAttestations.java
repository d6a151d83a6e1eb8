package de.offenekommune.node.region;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import de.offenekommune.node.activitypub.attestation.NodeAttestationDelivery;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.verification.NodeAttestation;
import de.offenekommune.node.verification.NodeAttestationService;
import de.offenekommune.node.web.Messages;

/**
 * The region's node attestations of its members: one standing attestation per member whose town
 * actor is known, for exactly that actor ("this actor at this host is the official node of AGS N",
 * with the official name). Issued when the member's actor is found, renewed when it runs out soon,
 * sent again at every start (a member that did not trust the region yet may now), revoked when the
 * member is removed or its actor changes. Each decision is one transaction with its delivery.
 */
public final class MemberAttestations implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MemberAttestations.class.getName());
    private static final Duration RENEWAL_ROUND = Duration.ofHours(12);

    private final Sql sql;
    private final RegionMemberRepository repository;
    private final RegionArea area;
    private final NodeAttestationService attestations;
    private final NodeAttestationDelivery delivery;
    private final Messages messages;
    private ScheduledExecutorService rounds;

    MemberAttestations(Sql sql, RegionMemberRepository repository, RegionArea area, NodeAttestationService attestations,
                       NodeAttestationDelivery delivery, Messages messages) {
        this.sql = sql;
        this.repository = repository;
        this.area = area;
        this.attestations = attestations;
        this.delivery = delivery;
        this.messages = messages;
    }

    /** At start: sends the standing attestations again, issues missing ones; then renews twice a day. */
    public synchronized void start() {
        if (rounds != null) {
            return;
        }
        rounds = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("region-attestations").factory());
        rounds.execute(() -> round(true));
        rounds.scheduleWithFixedDelay(() -> round(false), RENEWAL_ROUND.toMinutes(), RENEWAL_ROUND.toMinutes(),
                TimeUnit.MINUTES);
    }

    /** Every member whose actor is known gets a standing attestation; {@code resend}: the standing ones go out again. */
    public void round(boolean resend) {
        for (String ags : repository.linkedKeys(sql)) {
            ensure(ags, resend);
        }
    }

    /** After the member's town actor was found (or found again). Never throws: a member without one stays as it is. */
    public void ensure(String ags, boolean resend) {
        try {
            sql.runInTransaction(tx -> repository.lock(tx, ags).ifPresent(m -> ensure(tx, m, resend)));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Node attestation of member " + ags + " not issued: " + e.getMessage());
        }
    }

    /** In the transaction that removes the member: its attestation is revoked and withdrawn. */
    void revoke(Sql tx, RegionMember m) {
        current(tx, m).ifPresent(a -> withdraw(tx, a, messages.get("region.attestation.reason-removed")));
    }

    private void ensure(Sql tx, RegionMember m, boolean resend) {
        if (!m.linked()) {
            return;
        }
        Optional<NodeAttestation> current = current(tx, m);
        if (current.isPresent() && current.get().subjectActor().equals(m.actorUri())
                && !attestations.expiresSoon(current.get())) {
            if (resend) {
                delivery.add(tx, m.actorUri(), attestations.id(current.get().uuid()));
            }
            return;
        }
        current.ifPresent(a -> withdraw(tx, a, messages.get(a.subjectActor().equals(m.actorUri())
                ? "region.attestation.reason-renewed" : "region.attestation.reason-moved")));
        NodeAttestation issued = attestations.issue(tx, m.ags(), area.name(m.ags()), URI.create(m.actorUri()));
        repository.attested(tx, m.ags(), issued.uuid());
        delivery.add(tx, m.actorUri(), attestations.id(issued.uuid()));
    }

    /** The member's attestation unless revoked (an expired one is replaced, see {@link NodeAttestationService#expiresSoon}). */
    private Optional<NodeAttestation> current(Sql tx, RegionMember m) {
        return m.attestationId() == null ? Optional.empty()
                : attestations.byUuid(tx, m.attestationId()).filter(a -> a.revokedAt() == null);
    }

    private void withdraw(Sql tx, NodeAttestation a, String reason) {
        if (attestations.revoke(tx, a.uuid(), reason)) {
            delivery.remove(tx, a.subjectActor(), attestations.id(a.uuid()));
        }
    }

    @Override
    public synchronized void close() {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds = null;
        }
    }
}
