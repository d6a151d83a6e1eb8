package de.offenekommune.federation.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Vocabulary;
import de.offenekommune.federation.work.PollingLoop;

/**
 * Hands stored activities to their handlers after the 202. A failing handler is retried (1, 5, 25,
 * ... minutes) up to {@code max-attempts}; a restart picks up whatever was stored but not processed.
 */
public final class InboxDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InboxDispatcher.class.getName());

    private final InboxStore store;
    private final InboxHandlers handlers;
    private final InboxConfig config;
    private final Clock clock;
    private final PollingLoop loop;

    public InboxDispatcher(InboxStore store, InboxHandlers handlers, InboxConfig config, Clock clock) {
        this.store = store;
        this.handlers = handlers;
        this.config = config;
        this.clock = clock;
        this.loop = new PollingLoop("federation-inbox", config.pollInterval(), () -> runOnce() > 0);
    }

    public void start() {
        loop.start();
    }

    public void wakeUp() {
        loop.wakeUp();
    }

    /** Processes one batch of due activities; returns how many. */
    public int runOnce() {
        List<InboxStore.Stored> batch = store.claim(32, clock.instant(), config.lease());
        for (InboxStore.Stored stored : batch) {
            dispatch(stored);
        }
        return batch.size();
    }

    private void dispatch(InboxStore.Stored stored) {
        Activity activity = (Activity) Vocabulary.read(ActivityJson.parse(stored.body()));
        var handler = handlers.handlerFor(activity.type());
        Instant now = clock.instant();
        if (handler.isEmpty()) {
            store.processed(stored.id(), now);
            return;
        }
        try {
            handler.get().handle(new InboxActivity(activity, new Signer(stored.actor(), stored.signerKey()),
                    stored.inboxOwner(), stored.receivedAt()));
            store.processed(stored.id(), now);
        } catch (Exception e) {
            int attempts = stored.attempts() + 1;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempts >= config.maxAttempts()) {
                LOG.log(System.Logger.Level.WARNING, "giving up on " + activity.id() + ": " + error);
                store.failed(stored.id(), error, now);
            } else {
                store.retryAt(stored.id(), error, now.plus(Duration.ofMinutes((long) Math.pow(5, attempts - 1))));
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
