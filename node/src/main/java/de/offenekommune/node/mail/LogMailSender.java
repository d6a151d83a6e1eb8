package de.offenekommune.node.mail;

import java.util.logging.Logger;

/** Without SMTP (demo, development) mails are written to the log, confirmation links included. */
public final class LogMailSender implements MailSender {
    private static final Logger LOG = Logger.getLogger(LogMailSender.class.getName());

    @Override
    public void send(Mail mail, String from) {
        LOG.info(() -> "E-mail (no SMTP configured) to " + mail.to() + "\nSubject: " + mail.subject() + "\n\n"
                + mail.body());
    }
}
