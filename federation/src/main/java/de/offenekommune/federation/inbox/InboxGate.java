package de.offenekommune.federation.inbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.helidon.metrics.api.Counter;

/**
 * Back-pressure for the inboxes: at most {@code max-concurrent} posts are worked on at once (shared
 * and personal inboxes together); a further one waits up to {@code queue-wait} for a turn and is
 * otherwise refused, so that a burst is answered with 503 and Retry-After in milliseconds rather
 * than queued (threads, database connections) until its sender times out.
 */
public final class InboxGate {
    private final Semaphore turns;
    private final long waitNanos;
    private final long retryAfterSeconds;
    private final Counter refused;

    public InboxGate(InboxConfig.BackPressure config, Counter refused) {
        this.turns = new Semaphore(config.maxConcurrent());
        this.waitNanos = config.queueWait().toNanos();
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        this.refused = refused;
    }

    /** True when the post may be worked on now; then {@link #leave()} must follow. */
    boolean enter() {
        try {
            if (turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refused.increment();
        return false;
    }

    void leave() {
        turns.release();
    }

    /** The value of the Retry-After header of a refusal, in seconds. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
