package de.offenekommune.node.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.addressee.Addressee;

/**
 * A node with GreenMail, the Musterstadt cast and the helpers the proposal tests share: sign in,
 * fill in and submit the proposal form, support, read counts and find mails by content.
 */
public final class ProposalKit implements AutoCloseable {
    private final TestMail mail;
    private final TestNode node;
    private final Fixtures.Cast cast;

    private ProposalKit(TestMail mail, TestNode node, Fixtures.Cast cast) {
        this.mail = mail;
        this.node = node;
        this.cast = cast;
    }

    /** @param threshold the node's support threshold for new proposals */
    public static ProposalKit start(String name, int threshold) {
        TestMail mail = new TestMail();
        Map<String, String> config = new HashMap<>(mail.nodeConfig());
        config.put("proposals.support-threshold", String.valueOf(threshold));
        TestNode node = TestNode.start(name, config);
        return new ProposalKit(mail, node, Fixtures.musterstadt(node));
    }

    public TestNode node() {
        return node;
    }

    public TestMail mail() {
        return mail;
    }

    public Fixtures.Cast cast() {
        return cast;
    }

    public TestBrowser as(Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    /** The proposal form's fields with valid values, for the given one-time key, title and addressees. */
    public FormBody form(String key, String title, Addressee... to) {
        FormBody f = new FormBody().add("key", key).add("title", title)
                .add("summary", "Ein sicherer Radweg zwischen Bahnhof und Schulzentrum.")
                .add("body", "Der Weg ist **gefährlich**. Mehr unter [Radverkehr](https://example.org/rad).")
                .add("topic", "TRANSPORT").add("location", "Bahnhofstraße");
        for (Addressee a : to) {
            f.add("addressees", String.valueOf(a.id()));
        }
        return f;
    }

    /** Opens the form (for its CSRF token and one-time key) and submits it. */
    public TestBrowser.Response submit(TestBrowser browser, String title, Addressee... to) {
        String key = Fixtures.formKey(browser.get("/vorschlaege/neu").body());
        return form(key, title, to).postTo(browser, "/vorschlaege");
    }

    /** The id of the proposal a successful submission redirected to. */
    public long idOf(TestBrowser.Response r) {
        assertEquals(303, r.status(), r.body());
        String path = r.location().replaceAll("\\?.*", "");
        return Long.parseLong(path.substring("/vorschlaege/".length()));
    }

    public void support(TestBrowser browser, long id) {
        browser.get("/vorschlaege/" + id);
        assertEquals(303, browser.post("/vorschlaege/" + id + "/unterstuetzen", browser.withCsrf(Map.of())).status());
    }

    /** Waits (up to 15 s) for a mail to {@code to} that {@code matches}; other tests' mails may come first. */
    public TestMail.Received awaitMail(String to, Predicate<TestMail.Received> matches) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var found = mail.to(to).stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching mail to " + to + "; got " + mail.to(to));
    }

    public long count(String sql, Object... params) {
        return node.sql().count(sql, params);
    }

    public long proposals() {
        return count("SELECT count(*) FROM proposal");
    }

    public long outbox() {
        return count("SELECT count(*) FROM mail_outbox");
    }

    public long supportRows(long id) {
        return count("SELECT count(*) FROM support WHERE proposal_id = ?", id);
    }

    public long localSupports(long id) {
        return count("SELECT local_supports FROM proposal WHERE id = ?", id);
    }

    public String status(long id) {
        return node.sql().one("SELECT status FROM proposal WHERE id = ?", r -> r.str("status"), id).orElseThrow();
    }

    @Override
    public void close() {
        node.close();
        mail.close();
    }
}
