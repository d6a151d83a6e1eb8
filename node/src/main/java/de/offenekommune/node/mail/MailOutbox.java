package de.offenekommune.node.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.offenekommune.node.db.Sql;

/**
 * Mails are written to a table in the same transaction as the change they report, then sent by a
 * background worker with retries: a slow or unreachable SMTP server never slows a page, and a
 * crash loses no mail. Several node processes share the table ({@code SKIP LOCKED}).
 */
public final class MailOutbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    private static final int MAX_ATTEMPTS = 10;

    private final Sql sql;
    private final MailSender sender;
    private final String from;
    private final Clock clock;
    private final ScheduledExecutorService worker;

    public MailOutbox(Sql sql, MailSender sender, String from, Clock clock) {
        this.sql = sql;
        this.sender = sender;
        this.from = from;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-outbox");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::drainQuietly, 0, 1, TimeUnit.SECONDS);
    }

    /** Queues a mail in the caller's transaction; the worker picks it up within a second of commit. */
    public void enqueue(Sql tx, Mail mail) {
        tx.update("INSERT INTO mail_outbox (recipient, subject, body) VALUES (?, ?, ?)",
                mail.to(), mail.subject(), mail.body());
    }

    /** Queues many mails with one statement (e.g. all supporters of a proposal), in the caller's transaction. */
    public void enqueueAll(Sql tx, java.util.Collection<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        tx.update("INSERT INTO mail_outbox (recipient, subject, body) "
                        + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[])",
                mails.stream().map(Mail::to).toArray(String[]::new),
                mails.stream().map(Mail::subject).toArray(String[]::new),
                mails.stream().map(Mail::body).toArray(String[]::new));
    }

    /** Sends everything due now; returns how many were sent. */
    public int drain() {
        int sent = 0;
        while (true) {
            Integer result = sql.inTransaction(tx -> {
                List<Object[]> due = tx.list("""
                        SELECT id, recipient, subject, body, attempts FROM mail_outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= ? AND attempts < ?
                        ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED""",
                        r -> new Object[] {r.lng("id"), r.str("recipient"), r.str("subject"), r.str("body"),
                                r.integer("attempts")},
                        clock.instant(), MAX_ATTEMPTS);
                for (Object[] m : due) {
                    send(tx, (Long) m[0], new Mail((String) m[1], (String) m[2], (String) m[3]), (Integer) m[4]);
                }
                return due.size();
            });
            sent += result;
            if (result == 0) {
                return sent;
            }
        }
    }

    private void send(Sql tx, long id, Mail mail, int attempts) {
        Instant now = clock.instant();
        try {
            sender.send(mail, from);
            tx.update("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                    now, id);
        } catch (RuntimeException e) {
            Duration backoff = Duration.ofSeconds((long) Math.min(3600, 15 * Math.pow(2, attempts)));
            LOG.log(Level.WARNING, "Mail " + id + " to " + mail.to() + " failed (attempt " + (attempts + 1) + "): "
                    + e.getMessage());
            tx.update("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                    String.valueOf(e.getMessage()), now.plus(backoff), id);
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail outbox run failed", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
