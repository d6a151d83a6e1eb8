package de.offenekommune.node.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.proposal.ProposalService;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.ProposalKit;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestMail;
import de.offenekommune.node.testing.TestNode;

/**
 * Supports over real HTTP: once per account, withdrawable, concurrent, the threshold mail once, closed
 * proposals, fediverse supports counted apart.
 */
class SupportFlowTest {
    private static ProposalKit kit;
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        kit = ProposalKit.start("Unterstuetzstadt", 2);
        node = kit.node();
        cast = kit.cast();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    private static long thresholdMails(String subject) {
        return kit.count("SELECT count(*) FROM mail_outbox WHERE subject = ?", subject);
    }

    private static long thresholdMails(String subject, String to) {
        return kit.count("SELECT count(*) FROM mail_outbox WHERE subject = ? AND recipient = ?", subject, to);
    }

    @Test
    void aSupportCountsOnceAndCanBeWithdrawn() {
        long id = Fixtures.proposal(node, cast.anna(), "Mehr Bänke im Stadtpark", cast.bauamt());
        TestBrowser ben = kit.as(cast.ben());
        ben.get("/vorschlaege/" + id);
        var first = ben.post("/vorschlaege/" + id + "/unterstuetzen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=supported", first.location());
        String page = ben.get("/vorschlaege/" + id).body();
        assertTrue(page.contains("<strong>1 Unterstützung</strong>"), page);
        assertTrue(page.contains("Sie unterstützen diesen Vorschlag."));
        assertTrue(page.contains("Unterstützung zurückziehen"));

        var again = ben.post("/vorschlaege/" + id + "/unterstuetzen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=already-supported", again.location());
        assertEquals(1, kit.supportRows(id));
        assertEquals(1, kit.localSupports(id));

        var withdrawn = ben.post("/vorschlaege/" + id + "/zurueckziehen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=support-withdrawn", withdrawn.location());
        assertEquals(0, kit.supportRows(id));
        assertEquals(0, kit.localSupports(id));
        assertTrue(ben.get("/vorschlaege/" + id).body().contains("<strong>0 Unterstützungen</strong>"));
        var notSupported = ben.post("/vorschlaege/" + id + "/zurueckziehen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=not-supported", notSupported.location());
        assertEquals(0, kit.localSupports(id));
    }

    @Test
    void concurrentSupportsOfOneAccountLeaveOne() throws Exception {
        long id = Fixtures.proposal(node, cast.anna(), "Trinkbrunnen am Marktplatz", cast.umwelt());
        TestBrowser carla = kit.as(cast.carla());
        carla.get("/vorschlaege/" + id);
        Map<String, String> fields = carla.withCsrf(Map.of());
        int parallel = 6;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return carla.post("/vorschlaege/" + id + "/unterstuetzen", fields).status();
                }));
            }
            go.countDown();
            for (Future<Integer> f : results) {
                assertEquals(303, f.get());
            }
        }
        assertEquals(1, kit.supportRows(id));
        assertEquals(1, kit.localSupports(id));
    }

    @Test
    void reachingTheThresholdNotifiesTheAddresseesOnce() {
        long id = Fixtures.proposal(node, cast.anna(), "Tempo 30 vor der Grundschule", cast.bauamt(), cast.umwelt());
        String subject = "Vorschlag „Tempo 30 vor der Grundschule“ hat 2 Unterstützungen erreicht";
        TestBrowser ben = kit.as(cast.ben());
        TestBrowser carla = kit.as(cast.carla());
        kit.support(ben, id);
        assertEquals(0, thresholdMails(subject));
        kit.support(carla, id);
        assertEquals(1, thresholdMails(subject, "bauamt@example.org"));
        assertEquals(1, thresholdMails(subject, "umwelt@example.org"));
        TestMail.Received received = kit.awaitMail("bauamt@example.org", m -> m.subject().equals(subject));
        assertTrue(received.body().contains("hat jetzt 2 Unterstützungen"), received.body());
        assertTrue(received.body().contains(node.url("/vorschlaege/" + id)));

        carla.post("/vorschlaege/" + id + "/zurueckziehen", carla.withCsrf(Map.of()));
        kit.support(carla, id);
        kit.support(kit.as(cast.dora()), id);
        assertEquals(3, kit.localSupports(id));
        assertEquals(2, thresholdMails(subject), "one mail per addressee, only the first time");
        assertTrue(node.browser().get("/vorschlaege/" + id).body()
                .contains("Das Ziel von 2 Unterstützungen ist erreicht"));
    }

    @Test
    void supportingAnAnsweredOrExpiredProposalIsRefused() {
        long answered = Fixtures.proposal(node, cast.anna(), "Längere Öffnungszeiten der Bücherei", cast.bauamt());
        node.components().participation().proposals().changeStatus(cast.staff(), answered,
                new ProposalService.StatusChange("ANSWERED", "REJECTED", "Dafür fehlt das Personal."));
        TestBrowser carla = kit.as(cast.carla());
        carla.get("/vorschlaege/" + answered);
        assertEquals(409, carla.post("/vorschlaege/" + answered + "/unterstuetzen", carla.withCsrf(Map.of())).status());

        long expired = Fixtures.proposal(node, cast.anna(), "Neue Laternen im Mühlenweg", cast.bauamt());
        node.sql().update("UPDATE proposal SET support_deadline = now() - interval '1 day' WHERE id = ?", expired);
        String page = carla.get("/vorschlaege/" + expired).body();
        assertTrue(page.contains("Die Frist ist am"), page);
        assertFalse(page.contains("Vorschlag unterstützen"));
        assertEquals(409, carla.post("/vorschlaege/" + expired + "/unterstuetzen", carla.withCsrf(Map.of())).status());
        assertEquals(0, kit.supportRows(answered) + kit.supportRows(expired));
    }

    @Test
    void fediverseSupportsAreCountedApart() {
        long id = Fixtures.proposal(node, cast.anna(), "Ein Bücherschrank im Rosengarten", cast.umwelt());
        var supports = node.components().participation().supports();
        String alice = "https://social.example/users/alice";
        assertTrue(supports.supportRemote(id, alice, "https://social.example/likes/1")
                instanceof de.offenekommune.node.support.SupportService.Added.Supported);
        assertTrue(supports.supportRemote(id, alice, "https://social.example/likes/2")
                instanceof de.offenekommune.node.support.SupportService.Added.AlreadySupported);
        kit.support(kit.as(cast.ben()), id);
        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("<strong>2 Unterstützungen</strong>"), page);
        assertTrue(page.contains("(davon 1 hier und 1 aus dem Fediverse)"));
        assertTrue(supports.withdrawRemote("https://social.example/likes/1", "https://evil.example/users/mallory")
                instanceof de.offenekommune.node.support.SupportService.Removed.NotSupported);
        assertTrue(supports.withdrawRemote("https://social.example/likes/1", alice)
                instanceof de.offenekommune.node.support.SupportService.Removed.Withdrawn);
        assertEquals(0, kit.count("SELECT remote_supports FROM proposal WHERE id = ?", id));
        assertEquals(1, kit.localSupports(id));
    }
}
