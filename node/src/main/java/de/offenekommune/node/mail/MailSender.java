package de.offenekommune.node.mail;

/** The transport: SMTP when configured, the log otherwise. */
public interface MailSender {
    /** @throws MailException when the mail could not be handed over; the outbox retries it */
    void send(Mail mail, String from);

    final class MailException extends RuntimeException {
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
