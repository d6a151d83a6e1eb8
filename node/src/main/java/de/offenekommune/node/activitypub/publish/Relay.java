package de.offenekommune.node.activitypub.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import de.offenekommune.federation.delivery.Audience;
import de.offenekommune.federation.delivery.Outbox;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.work.PollingLoop;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.db.Sql;

/**
 * Hands committed activities to the federation library's durable delivery queue. The activity row
 * stays locked while it is enqueued, so several node processes relay each activity once; a crash
 * between the enqueue and the mark sends it twice at worst (receivers deduplicate by id). Woken
 * after every commit that stored an activity, and polling for scheduled ones.
 */
public final class Relay implements AutoCloseable {
    private static final int BATCH = 50;

    private final Sql sql;
    private final ActivityStore store;
    private final Outbox outbox;
    private final NodeUris uris;
    private final Clock clock;
    private final PollingLoop loop;

    public Relay(Sql sql, ActivityStore store, Outbox outbox, NodeUris uris, Clock clock, Duration pollInterval) {
        this.sql = sql;
        this.store = store;
        this.outbox = outbox;
        this.uris = uris;
        this.clock = clock;
        this.loop = new PollingLoop("activitypub-relay", pollInterval, () -> runOnce() == BATCH);
    }

    public void start() {
        loop.start();
    }

    public void wakeUp() {
        loop.wakeUp();
    }

    /** Relays one batch of due activities; returns how many. */
    public int runOnce() {
        return sql.inTransaction(tx -> {
            List<ActivityStore.Pending> due = store.claimDue(tx, clock.instant(), BATCH);
            for (ActivityStore.Pending p : due) {
                String id = ActivityJson.parse(p.body()).path("id").asText();
                outbox.enqueue(p.actor(), id, p.body().getBytes(StandardCharsets.UTF_8),
                        new Audience(remote(p.inboxes()), remote(p.actors()), p.followersOf()));
                store.relayed(tx, p.id(), clock.instant());
            }
            return due.size();
        });
    }

    /**
     * Leaves out our own inboxes and actors: the library tells local from remote by host only, which
     * is not enough when other nodes share our host on other ports.
     */
    private List<String> remote(List<String> urls) {
        String own = uris.base() + "/";
        return urls.stream().filter(u -> !u.startsWith(own) && !u.equals(uris.base())).toList();
    }

    @Override
    public void close() {
        loop.close();
    }
}
