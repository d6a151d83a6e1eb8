package de.offenekommune.federation.work;

import java.time.Duration;
import java.util.Objects;

/**
 * One background (virtual) thread that runs a step over and over: again at once while the step says
 * there may be more work, otherwise after a pause or as soon as someone calls {@link #wakeUp()}. The
 * durable queues (inbox, delivery, the node's relay) and the periodic checks all work this way; the
 * state they work on is in the database, so a stopped loop loses nothing.
 */
public final class PollingLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PollingLoop.class.getName());
    private static final long JOIN_MILLIS = 5_000;

    /** One round of work. */
    @FunctionalInterface
    public interface Step {
        /** @return true if there may be more to do right away (e.g. a full batch was handled) */
        boolean run();
    }

    private final String name;
    private final Duration pause;
    private final Step step;
    private final Object signal = new Object();
    private volatile boolean running;
    /** A wake-up that came while a round ran: the next pause is skipped, so no work waits for the timer. */
    private boolean woken;
    private Thread thread;

    /**
     * @param name  the thread's name, also used in the log when a round fails
     * @param pause how long to wait when there is nothing to do, or after a failed round
     */
    public PollingLoop(String name, Duration pause, Step step) {
        this.name = Objects.requireNonNull(name);
        this.pause = Objects.requireNonNull(pause);
        this.step = Objects.requireNonNull(step);
    }

    /** Starts the thread; the first round runs at once. Starting a running loop does nothing. */
    public void start() {
        start(false);
    }

    /** Starts the thread; the first round runs after one pause (work that was just done at start-up). */
    public void startAfterPause() {
        start(true);
    }

    private synchronized void start(boolean pauseFirst) {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name(name).start(() -> loop(pauseFirst));
    }

    private void loop(boolean pauseFirst) {
        if (pauseFirst) {
            waitForWork();
        }
        while (running) {
            boolean more;
            try {
                more = step.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + ": a round failed", e);
                more = false;
            }
            if (!more) {
                waitForWork();
            }
        }
    }

    private void waitForWork() {
        synchronized (signal) {
            if (!running || woken) {
                woken = false;
                return;
            }
            try {
                signal.wait(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }

    /** Ends the current pause at once (new work was stored). */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** False once {@link #close()} was called: a long round may stop early. */
    public boolean running() {
        return running;
    }

    /** Stops the loop and waits (a few seconds at most) for the current round to end. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wakeUp();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
