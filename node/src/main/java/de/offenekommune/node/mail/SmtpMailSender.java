package de.offenekommune.node.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import de.offenekommune.node.config.NodeConfig.MailConfig;

/** Sends through the municipality's SMTP server (Jakarta Mail / Eclipse Angus). */
public final class SmtpMailSender implements MailSender {
    private final Session session;

    public SmtpMailSender(MailConfig config) {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", String.valueOf(config.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        props.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        boolean auth = config.user() != null && !config.user().isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        this.session = auth
                ? Session.getInstance(props, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(config.user(), config.password());
                    }
                })
                : Session.getInstance(props);
    }

    @Override
    public void send(Mail mail, String from) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailException("SMTP delivery to " + mail.to() + " failed: " + e.getMessage(), e);
        }
    }
}
