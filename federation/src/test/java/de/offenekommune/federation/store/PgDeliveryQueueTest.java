package de.offenekommune.federation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.delivery.ClaimedDelivery;
import de.offenekommune.federation.testing.TestPostgres;

/** The delivery queue's claim: the per-host limit counts deliveries in flight, and a long queue is read once. */
class PgDeliveryQueueTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase("delivery_queue");
    private final PgDeliveryQueue queue;

    PgDeliveryQueueTest() {
        FederationSchema.migrate(db.dataSource());
        queue = new PgDeliveryQueue(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void noHostGetsMoreThanItsLimitCountingDeliveriesStillInFlight() {
        List<String> inboxes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inboxes.add("https://a.example/users/u" + i + "/inbox");
        }
        inboxes.add("https://b.example/users/u1/inbox");
        inboxes.add("https://b.example/users/u2/inbox");
        queue.enqueue("https://town.example/kommune", "https://town.example/a/1", "{}".getBytes(), inboxes, NOW);

        List<ClaimedDelivery> first = queue.claim("w1", 10, 4, NOW, LEASE);
        assertEquals(Map.of("a.example", 4L, "b.example", 2L), perHost(first));
        assertTrue(queue.claim("w2", 10, 4, NOW, LEASE).isEmpty(), "a.example has 4 in flight, b.example none left");

        List<ClaimedDelivery> toA = first.stream().filter(d -> d.host().equals("a.example")).toList();
        queue.delivered(toA.get(0).id(), 202, NOW);
        queue.delivered(toA.get(1).id(), 202, NOW);
        assertEquals(Map.of("a.example", 2L), perHost(queue.claim("w2", 10, 4, NOW, LEASE)));
        // Leases that ran out count as not in flight: their deliveries are due again.
        assertEquals(Map.of("a.example", 4L, "b.example", 2L),
                perHost(queue.claim("w3", 10, 4, NOW.plus(LEASE).plusSeconds(1), LEASE)));
    }

    @Test
    void aSenderHasQueuedDeliveriesUntilEachIsDeliveredOrGivenUp() {
        String anna = "https://town.example/profil/anna";
        assertFalse(queue.hasQueuedFrom(anna));
        queue.enqueue(anna, "https://town.example/a/delete", "{}".getBytes(),
                List.of("https://a.example/inbox", "https://b.example/inbox"), NOW);
        queue.enqueue("https://town.example/kommune", "https://town.example/a/3", "{}".getBytes(),
                List.of("https://c.example/inbox"), NOW);
        assertTrue(queue.hasQueuedFrom(anna));
        List<ClaimedDelivery> claimed = queue.claim("w1", 10, 4, NOW, LEASE);
        assertEquals(3, claimed.size());
        assertTrue(queue.hasQueuedFrom(anna), "leased deliveries are still waiting");
        for (ClaimedDelivery d : claimed) {
            if (d.host().equals("a.example")) {
                queue.delivered(d.id(), 202, NOW);
            } else if (d.host().equals("b.example")) {
                queue.retryAt(d.id(), 503, "busy", NOW.plusSeconds(60));
            }
        }
        assertTrue(queue.hasQueuedFrom(anna), "a retry is still waiting");
        ClaimedDelivery retry = queue.claim("w1", 10, 4, NOW.plusSeconds(61), LEASE).stream()
                .filter(d -> d.host().equals("b.example")).findFirst().orElseThrow();
        queue.failed(retry.id(), 503, "gave up", NOW.plusSeconds(61));
        assertFalse(queue.hasQueuedFrom(anna), "delivered or given up: nothing waits");
        assertTrue(queue.hasQueuedFrom("https://town.example/kommune"), "another sender's delivery is its own");
    }

    /**
     * Statistics taken while the queue was empty (the usual case) once made the planner join the
     * numbered queue back to itself in a nested loop: rows times rows at every claim.
     */
    @Test
    void aClaimReadsALongQueueOnceEvenWithStatisticsOfAnEmptyOne() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE fed_delivery");
        }
        List<String> inboxes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            inboxes.add("https://h" + (i % 500) + ".example/users/u" + i + "/inbox");
        }
        queue.enqueue("https://town.example/kommune", "https://town.example/a/2", "{}".getBytes(), inboxes, NOW);
        queue.claim("w1", 32, 4, NOW, LEASE);

        String plan = explain(PgDeliveryQueue.claimParameters("w2", 8, 4, NOW, LEASE));

        long removedByJoins = 0;
        Matcher m = Pattern.compile("Rows Removed by Join Filter: (\\d+)").matcher(plan);
        while (m.find()) {
            removedByJoins += Long.parseLong(m.group(1));
        }
        assertTrue(removedByJoins < inboxes.size(), plan);
        assertTrue(plan.contains("rows=8 loops=1"), plan);
    }

    private String explain(Object[] parameters) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = Jdbc.prepare(c, "EXPLAIN (ANALYZE, COSTS OFF) " + PgDeliveryQueue.CLAIM, parameters);
                 ResultSet rs = st.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                c.rollback();
            }
        }
    }

    private static Map<String, Long> perHost(List<ClaimedDelivery> claimed) {
        return claimed.stream().collect(Collectors.groupingBy(ClaimedDelivery::host, TreeMap::new, Collectors.counting()));
    }
}
