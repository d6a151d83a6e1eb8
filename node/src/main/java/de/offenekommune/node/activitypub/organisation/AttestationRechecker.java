package de.offenekommune.node.activitypub.organisation;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks remote organisations again when their last check is {@code verification.recheck-interval}
 * old, so a revocation (or an attestation taken off the actor) takes the badge away at the next check
 * even when no Update reached us. One virtual thread; several node processes may each run one (a
 * check is idempotent).
 */
public final class AttestationRechecker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AttestationRechecker.class.getName());
    private static final int BATCH = 50;

    private final RemoteAttestations attestations;
    private final Duration poll;
    private final Object signal = new Object();
    private volatile boolean running;
    private Thread loop;

    public AttestationRechecker(RemoteAttestations attestations, Duration recheckInterval) {
        this.attestations = attestations;
        Duration half = recheckInterval.dividedBy(2);
        this.poll = half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : half.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : half;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("activitypub-attestation-rechecker").start(() -> {
            while (running) {
                try {
                    if (attestations.recheckDue(BATCH) < BATCH) {
                        pause();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "rechecking attestations failed", e);
                    pause();
                }
            }
        });
    }

    private void pause() {
        synchronized (signal) {
            try {
                signal.wait(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
