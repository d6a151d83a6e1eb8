package de.offenekommune.federation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.FederationRig;

/** The documented retry schedule, 410 Gone, and hosts that stay down. */
class DeliveryRetryTest {
    private final FederationRig rig = new FederationRig("delivery_retry", b -> { });
    private final DeliveryRig d = new DeliveryRig(rig.db.dataSource(), rig.clock, rig.resolver);
    private final ActorKeys town = d.localActor("musterstadt");

    @AfterEach
    void close() {
        rig.close();
    }

    private String inbox(String host, String path) {
        return "http://" + host + ":" + rig.wireMock.port() + path;
    }

    private Instant nextAttempt() {
        return java.sql.Timestamp.valueOf(rig.string("SELECT next_attempt_at::timestamp FROM fed_delivery").orElseThrow())
                .toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }

    @Test
    void theScheduleDoublesFromOneMinuteToADayAndGivesUpAfterSixteenAttempts() {
        RetrySchedule schedule = RetrySchedule.defaults();
        List<Long> minutes = new ArrayList<>();
        for (int n = 1; n < 16; n++) {
            minutes.add(schedule.delayAfter(n).orElseThrow().toMinutes());
        }

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 1440L, 1440L, 1440L, 1440L), minutes);
        assertTrue(schedule.delayAfter(16).isEmpty());
        assertEquals(Duration.ofMinutes(7807), schedule.totalSpan());
    }

    @Test
    void aFailingDeliveryIsRetriedExactlyOnScheduleThenGivenUp() {
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).willReturn(aResponse().withStatus(503)));
        d.enqueue(town, "http://town.test/notes/r", List.of(inbox("down.test", "/inbox")));
        DeliveryWorker worker = d.worker(d.httpSender(), new DeliveryConfig(8, 4, Duration.ofMinutes(5),
                Duration.ofSeconds(1), RetrySchedule.defaults(), 1000));
        RetrySchedule schedule = RetrySchedule.defaults();

        for (int attempt = 1; attempt <= 16; attempt++) {
            Instant before = rig.clock.instant();
            assertEquals(1, worker.runOnce(), "attempt " + attempt);
            if (attempt < 16) {
                Duration wait = schedule.delayAfter(attempt).orElseThrow();
                assertEquals(before.plus(wait).getEpochSecond(), nextAttempt().getEpochSecond(), "after attempt " + attempt);
                rig.clock.advance(wait.minusSeconds(1));
                assertEquals(0, worker.runOnce(), "not due yet after attempt " + attempt);
                rig.clock.advance(Duration.ofSeconds(1));
            }
        }

        assertEquals("failed", rig.string("SELECT state FROM fed_delivery").orElseThrow());
        assertEquals(16, rig.count("SELECT attempts FROM fed_delivery"));
        // 503 is not a refusal of the signature: no draft-cavage fall-back, one request per attempt
        rig.wireMock.verify(16, postRequestedFor(urlPathEqualTo("/inbox")));
        assertEquals(15, d.metrics.count("federation.delivery.retries", "down.test"));
        assertEquals(1, d.metrics.count("federation.delivery.failed", "down.test"));
    }

    @Test
    void goneRemovesTheFollowerAndTellsTheApplication() {
        rig.wireMock.stubFor(post(urlPathEqualTo("/users/bob/inbox")).willReturn(aResponse().withStatus(410)));
        String bobInbox = inbox("mastodon.test", "/users/bob/inbox");
        d.followers.add(new Follower(town.actorId(), "http://mastodon.test/users/bob", bobInbox, null, true), "f1", d.now());
        d.followers.add(new Follower(town.actorId(), "http://mastodon.test/users/carol", inbox("mastodon.test", "/users/carol/inbox"),
                null, true), "f2", d.now());

        d.enqueue(town, "http://town.test/notes/g", d.followers.inboxesOf(town.actorId()).stream()
                .filter(i -> i.equals(bobInbox)).toList());
        d.worker().drain();

        assertEquals(List.of(bobInbox), d.goneInboxes);
        assertEquals(1, d.followers.count(town.actorId()));
        assertEquals("http://mastodon.test/users/carol", d.followers.list(town.actorId()).getFirst().remoteActor());
        assertEquals("gone", rig.string("SELECT state FROM fed_delivery").orElseThrow());
    }

    @Test
    void aHostFailingOnSevenDaysIsMarkedUnavailableAndSkippedUntilItSpeaksAgain() {
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).willReturn(aResponse().withStatus(500)));
        String dead = inbox("dead.test", "/inbox");
        DeliveryWorker worker = d.worker();

        for (int day = 0; day < 7; day++) {
            d.enqueue(town, "http://town.test/notes/day" + day, List.of(dead));
            worker.drain();
            assertEquals(day < 6, rig.string("SELECT unavailable_since FROM fed_host WHERE host = 'dead.test'").isEmpty(),
                    "day " + day);
            rig.clock.advance(Duration.ofDays(1));
        }
        d.enqueue(town, "http://town.test/notes/after", List.of(dead));
        int requestsBefore = rig.wireMock.findAll(postRequestedFor(urlPathEqualTo("/inbox"))).size();
        worker.drain();

        assertTrue(d.hosts.isUnavailable("dead.test"));
        assertEquals(0, rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'queued'"));
        assertEquals(8, rig.count("SELECT count(*) FROM fed_delivery WHERE state = 'skipped'"), "the seven queued and the new one");
        assertEquals(requestsBefore, rig.wireMock.findAll(postRequestedFor(urlPathEqualTo("/inbox"))).size());

        d.hosts.markAvailableIfKnown("dead.test");
        assertTrue(!d.hosts.isUnavailable("dead.test"));
    }

    @Test
    void followersOnOneServerShareOneDeliveryToItsSharedInbox() {
        rig.wireMock.stubFor(post(urlPathEqualTo("/inbox")).willReturn(aResponse().withStatus(202)));
        String shared = inbox("big.test", "/inbox");
        for (int i = 0; i < 10; i++) {
            d.followers.add(new Follower(town.actorId(), "http://big.test/users/u" + i, inbox("big.test", "/users/u" + i + "/inbox"),
                    shared, true), "f" + i, d.now());
        }
        d.followers.add(new Follower(town.actorId(), "http://small.test/users/s", inbox("small.test", "/users/s/inbox"), null, true),
                "fs", d.now());
        d.followers.add(new Follower(town.actorId(), "http://big.test/users/pending", inbox("big.test", "/users/p/inbox"), shared, false),
                "fp", d.now());
        rig.wireMock.stubFor(post(urlPathEqualTo("/users/s/inbox")).willReturn(aResponse().withStatus(202)));

        List<String> inboxes = d.followers.inboxesOf(town.actorId());

        assertEquals(2, inboxes.size(), inboxes.toString());
        assertEquals(2, d.enqueue(town, "http://town.test/notes/fan", inboxes));
        d.worker().drain();
        rig.wireMock.verify(1, postRequestedFor(urlPathEqualTo("/inbox")));
        rig.wireMock.verify(1, postRequestedFor(urlPathEqualTo("/users/s/inbox")));
    }
}
