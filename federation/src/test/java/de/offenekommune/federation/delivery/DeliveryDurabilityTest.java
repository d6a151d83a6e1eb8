package de.offenekommune.federation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.zaxxer.hikari.HikariDataSource;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.TestPostgres;

/**
 * A fan-out to 1,000 recipients on 100 hosts (one WireMock server reached through h0.test ...
 * h99.test): a worker that dies half-way loses nothing and a restarted one sends every delivery
 * exactly once; two workers on one database never send the same delivery twice.
 */
class DeliveryDurabilityTest {
    private static final int HOSTS = 100;
    private static final int RECIPIENTS = 1000;

    private final FederationRig rig = new FederationRig("delivery_durability", b -> { });
    private final List<HikariDataSource> extraPools = new ArrayList<>();

    @AfterEach
    void close() {
        extraPools.forEach(HikariDataSource::close);
        rig.close();
    }

    /** The process dying: thrown before the request goes out, so that attempt never reaches the network. */
    private static final class ProcessDeath extends Error {
        ProcessDeath() {
            super("simulated kill -9");
        }
    }

    private List<String> recipients() {
        List<String> inboxes = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            inboxes.add("http://h" + (i % HOSTS) + ".test:" + rig.wireMock.port() + "/users/u" + i + "/inbox");
        }
        return inboxes;
    }

    private Map<String, Integer> receivedPerRecipient() {
        Map<String, Integer> counts = new HashMap<>();
        for (ServeEvent event : rig.wireMock.getAllServeEvents()) {
            String host = event.getRequest().getHeader("Host");
            counts.merge("http://" + host + event.getRequest().getUrl(), 1, Integer::sum);
        }
        return counts;
    }

    private void assertEveryRecipientExactlyOnce() {
        Map<String, Integer> counts = receivedPerRecipient();
        assertEquals(RECIPIENTS, counts.size(), "every recipient got the activity");
        counts.forEach((inbox, n) -> assertEquals(1, n, inbox + " received it " + n + " times"));
        assertEquals(RECIPIENTS, rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'delivered'"));
    }

    @Test
    void aWorkerKilledMidFanOutLosesNothingAndTheRestartSendsEachExactlyOnce() {
        rig.wireMock.stubFor(post(urlPathMatching("/users/u\\d+/inbox")).willReturn(aResponse().withStatus(202)));
        DeliveryRig d = new DeliveryRig(rig.db.dataSource(), rig.clock, rig.resolver);
        ActorKeys town = d.localActor("musterstadt");
        assertEquals(RECIPIENTS, d.enqueue(town, "http://town.test/notes/fanout", recipients()));
        DeliverySender real = d.httpSender();
        AtomicInteger sent = new AtomicInteger();
        DeliverySender dying = delivery -> {
            if (sent.incrementAndGet() > 400) {
                throw new ProcessDeath();
            }
            return real.send(delivery);
        };
        DeliveryConfig config = new DeliveryConfig(32, 4, Duration.ofMinutes(5), Duration.ofMillis(50), RetrySchedule.defaults(), 7);
        DeliveryWorker first = d.worker(dying, config);

        assertThrows(ProcessDeath.class, first::drain);
        first.close();
        long deliveredBeforeRestart = rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'delivered'");
        assertTrue(deliveredBeforeRestart >= 360 && deliveredBeforeRestart <= 400, "killed half-way: " + deliveredBeforeRestart);
        long heldByTheDead = rig.count("SELECT count(*) FROM fed_delivery WHERE locked_by = ? AND state = 'queued'",
                first.workerId());
        assertTrue(heldByTheDead > 0, "the dead worker still holds leases");

        DeliveryRig restarted = new DeliveryRig(pool(), rig.clock, rig.resolver);
        restarted.localKeys.putAll(d.localKeys);
        DeliveryWorker second = restarted.worker(restarted.httpSender(), config);
        int beforeLeaseExpiry = second.drain();
        rig.clock.advance(config.lease().plusSeconds(1));
        int afterLeaseExpiry = second.drain();
        second.close();

        assertEquals(RECIPIENTS - deliveredBeforeRestart - heldByTheDead, beforeLeaseExpiry);
        assertEquals(heldByTheDead, afterLeaseExpiry);
        assertEquals(RECIPIENTS - deliveredBeforeRestart, beforeLeaseExpiry + afterLeaseExpiry);
        assertEveryRecipientExactlyOnce();
    }

    @Test
    void twoWorkersOnOneDatabaseDeliverEachExactlyOnce() throws Exception {
        rig.wireMock.stubFor(post(urlPathMatching("/users/u\\d+/inbox")).willReturn(aResponse().withStatus(202)));
        DeliveryRig a = new DeliveryRig(rig.db.dataSource(), rig.clock, rig.resolver);
        DeliveryRig b = new DeliveryRig(pool(), rig.clock, rig.resolver);
        ActorKeys town = a.localActor("musterstadt");
        b.localKeys.putAll(a.localKeys);
        DeliveryConfig config = new DeliveryConfig(16, 4, Duration.ofMinutes(5), Duration.ofMillis(20), RetrySchedule.defaults(), 7);
        DeliveryWorker workerA = a.worker(a.httpSender(), config);
        DeliveryWorker workerB = b.worker(b.httpSender(), config);
        workerA.start();
        workerB.start();

        a.enqueue(town, "http://town.test/notes/two-workers", recipients());
        workerA.wakeUp();
        workerB.wakeUp();
        for (int i = 0; i < 1200 && rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'queued'") > 0; i++) {
            Thread.sleep(100);
        }
        workerA.close();
        workerB.close();

        assertEveryRecipientExactlyOnce();
    }

    private HikariDataSource pool() {
        HikariDataSource pool = TestPostgres.dataSource(rig.db.jdbcUrl(), rig.db.user(), rig.db.password());
        extraPools.add(pool);
        return pool;
    }
}
