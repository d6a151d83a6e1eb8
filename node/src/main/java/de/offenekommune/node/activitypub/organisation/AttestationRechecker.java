package de.offenekommune.node.activitypub.organisation;

import java.time.Duration;

import de.offenekommune.federation.work.PollingLoop;

/**
 * Checks remote organisations again when their last check is {@code verification.recheck-interval}
 * old, so a revocation (or an attestation taken off the actor) takes the badge away at the next check
 * even when no Update reached us. One virtual thread; several node processes may each run one (a
 * check is idempotent).
 */
public final class AttestationRechecker implements AutoCloseable {
    private static final int BATCH = 50;

    private final PollingLoop loop;

    public AttestationRechecker(RemoteAttestations attestations, Duration recheckInterval) {
        Duration half = recheckInterval.dividedBy(2);
        Duration poll = half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : half.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : half;
        this.loop = new PollingLoop("activitypub-attestation-rechecker", poll,
                () -> attestations.recheckDue(BATCH) == BATCH);
    }

    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
