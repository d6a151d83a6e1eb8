package de.offenekommune.node.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.delivery.Outbox;
import de.offenekommune.federation.work.PollingLoop;
import de.offenekommune.node.NodeApp;
import de.offenekommune.node.activitypub.actor.ActorKeyStore;
import de.offenekommune.node.db.Sql;

/**
 * What a deleted actor leaves once its {@code Delete} has gone out: the list of who followed it
 * (other people's data the node no longer needs) and its private keys. Both stay while any activity
 * of the actor still waits for the relay or for a delivery (the keys sign the retries, the followers
 * are their audience); then they are removed. Runs every {@link #INTERVAL}.
 */
public final class ErasedActorCleanup implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofHours(1);
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ErasedActorCleanup.class.getName());

    private final Sql sql;
    private final Followers followers;
    private final Outbox outbox;
    private final ActorKeyStore keys;
    private final Clock clock;
    private final PollingLoop loop;

    public ErasedActorCleanup(Sql sql, Followers followers, Outbox outbox, ActorKeyStore keys, Clock clock) {
        this.sql = sql;
        this.followers = followers;
        this.outbox = outbox;
        this.keys = keys;
        this.clock = clock;
        this.loop = new PollingLoop("erased-actor-cleanup", INTERVAL, () -> runOnce() == BATCH);
    }

    public static ErasedActorCleanup create(NodeApp.Components c) {
        var ap = c.activityPub();
        return new ErasedActorCleanup(c.sql(), ap.federation().followers(), ap.federation().outbox(), ap.keys(),
                c.clock());
    }

    public void start() {
        loop.startAfterPause();
    }

    /** @return how many erased actors were cleaned up (those still waiting are looked at again later) */
    public int runOnce() {
        List<String> waiting = sql.list("SELECT actor_uri FROM ap_erased_actor WHERE cleaned_at IS NULL "
                + "ORDER BY erased_at LIMIT " + BATCH, r -> r.str("actor_uri"));
        int cleaned = 0;
        for (String actor : waiting) {
            if (sql.exists("SELECT 1 FROM ap_activity WHERE actor_uri = ? AND relayed_at IS NULL", actor)
                    || outbox.hasQueuedFrom(actor)) {
                continue;
            }
            int removed = followers.removeAllOf(actor);
            sql.runInTransaction(tx -> {
                tx.update("DELETE FROM ap_actor_key WHERE actor_uri = ?", actor);
                tx.update("UPDATE ap_erased_actor SET cleaned_at = ? WHERE actor_uri = ?", clock.instant(), actor);
            });
            keys.forget(actor);
            LOG.info(() -> "Deleted actor " + actor + ": its keys and " + removed + " follower(s) removed");
            cleaned++;
        }
        return cleaned;
    }

    @Override
    public void close() {
        loop.close();
    }
}
