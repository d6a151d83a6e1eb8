package de.offenekommune.federation.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Keeps the queue tables small: finished deliveries (and bodies nobody waits for any more) go after
 * {@link #DELIVERY_RETENTION}; processed inbox activities after {@link #INBOX_RETENTION}. The inbox
 * rows are the deduplication memory, so they are kept far longer than any signature is valid (1 h)
 * and than senders retry (Mastodon: about 3 days).
 */
public final class Housekeeping implements AutoCloseable {
    public static final Duration DELIVERY_RETENTION = Duration.ofDays(14);
    public static final Duration INBOX_RETENTION = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    private final Jdbc jdbc;
    private final PgDeliveryQueue queue;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public Housekeeping(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.queue = new PgDeliveryQueue(dataSource);
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "federation-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs once soon after start, then every hour. */
    public void start() {
        timer.scheduleWithFixedDelay(this::runQuietly, 5, 3600, TimeUnit.SECONDS);
    }

    public record Purged(int deliveries, int inboxActivities) {
    }

    public Purged runOnce() {
        Instant now = clock.instant();
        int deliveries = queue.purgeFinishedBefore(now.minus(DELIVERY_RETENTION));
        int inbox = jdbc.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM fed_inbox_activity WHERE state <> 'received' AND received_at < ?")) {
                st.setTimestamp(1, Timestamp.from(now.minus(INBOX_RETENTION)));
                return st.executeUpdate();
            }
        });
        return new Purged(deliveries, inbox);
    }

    private void runQuietly() {
        try {
            Purged purged = runOnce();
            if (purged.deliveries() + purged.inboxActivities() > 0) {
                LOG.fine(() -> "Purged " + purged.deliveries() + " finished deliveries and "
                        + purged.inboxActivities() + " old inbox activities");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Federation housekeeping failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
