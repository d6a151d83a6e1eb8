package de.offenekommune.node.testing;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server on loopback (GreenMail) that a test node sends to; mails are read back as text. */
public final class TestMail implements AutoCloseable {
    private final GreenMail greenMail;
    private final int port;

    public TestMail() {
        this.port = TestNode.freePort();
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Config keys pointing a node at this server. */
    public Map<String, String> nodeConfig() {
        return Map.of("mail.host", "127.0.0.1", "mail.port", String.valueOf(port), "mail.starttls", "false",
                "mail.from", "beteiligung@musterstadt.example");
    }

    public record Received(String to, String subject, String body) {
        public String link(String pathPrefix) {
            Matcher m = Pattern.compile("(https?://\\S+" + Pattern.quote(pathPrefix) + "\\S*)").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no link with " + pathPrefix + " in mail:\n" + body);
            }
            return m.group(1);
        }
    }

    /** Waits (up to 15 s) until {@code count} mails have arrived in total, then returns mail number {@code count}. */
    public Received await(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] messages = greenMail.getReceivedMessages();
            if (messages.length >= count) {
                return read(messages[count - 1]);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("expected " + count + " mail(s), got " + greenMail.getReceivedMessages().length);
    }

    /** Waits (up to 15 s) until {@code address} has received {@code n} mails; returns the n-th. */
    public Received awaitTo(String address, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            java.util.List<Received> mails = to(address);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("expected " + n + " mail(s) to " + address + ", got " + to(address).size());
    }

    public int count() {
        return greenMail.getReceivedMessages().length;
    }

    public Received last() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        return read(messages[messages.length - 1]);
    }

    /** Mails received so far for one address, oldest first. */
    public java.util.List<Received> to(String address) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).map(TestMail::read)
                .filter(r -> r.to().equalsIgnoreCase(address)).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            Object content = message.getContent();
            String body = content instanceof String text ? text : GreenMailUtil.getBody(message);
            return new Received(message.getAllRecipients()[0].toString(), message.getSubject(),
                    body.replace("\r\n", "\n"));
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
