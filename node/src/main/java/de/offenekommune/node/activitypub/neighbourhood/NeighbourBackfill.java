package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.fetch.Dereferenced;
import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.AsCollection;
import de.offenekommune.federation.vocab.JsonValues;

/**
 * What a town published before we followed it: once it accepts, its outbox is read (newest first,
 * a bounded number of pages) and every object it created or shared is fetched in its current state
 * from its origin, so updates and deletions made since are respected. Runs on its own virtual thread;
 * what could not be fetched because the other node was busy or unreachable is tried again after
 * {@link #RETRY_DELAYS}, and reported in the log if it still fails.
 */
public final class NeighbourBackfill implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NeighbourBackfill.class.getName());
    static final int MAX_PAGES = 10;
    static final int MAX_OBJECTS = 200;
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofMinutes(5));

    /**
     * One pass over a neighbour's outbox.
     *
     * @param fetched how many objects were fetched and settled (kept, gone or not an item)
     * @param pending object ids to try again; {@code null} if the outbox itself could not be read
     */
    public record Pass(int fetched, SequencedSet<String> pending) {
        boolean done() {
            return pending != null && pending.isEmpty();
        }
    }

    private final NeighbourService neighbours;
    private final RemoteActors remoteActors;
    private final Dereferencer dereferencer;
    private final List<Duration> retryDelays;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public NeighbourBackfill(NeighbourService neighbours, RemoteActors remoteActors, Dereferencer dereferencer) {
        this(neighbours, remoteActors, dereferencer, RETRY_DELAYS);
    }

    NeighbourBackfill(NeighbourService neighbours, RemoteActors remoteActors, Dereferencer dereferencer,
                      List<Duration> retryDelays) {
        this.neighbours = neighbours;
        this.remoteActors = remoteActors;
        this.dereferencer = dereferencer;
        this.retryDelays = List.copyOf(retryDelays);
    }

    /** Starts reading the neighbour's outbox in the background. */
    public void start(String neighbourActor) {
        if (closed) {
            return;
        }
        Thread t = Thread.ofVirtual().name("neighbour-backfill").unstarted(() -> {
            try {
                backfill(neighbourActor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "Reading the outbox of " + neighbourActor + " failed", e);
                }
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        running.add(t);
        t.start();
    }

    /** Passes until everything is fetched or the retries are used up. */
    void backfill(String neighbourActor) throws InterruptedException {
        Pass pass = run(neighbourActor, null);
        int fetched = pass.fetched();
        for (Duration delay : retryDelays) {
            if (pass.done() || closed) {
                break;
            }
            Thread.sleep(delay);
            if (closed) {
                return;
            }
            pass = run(neighbourActor, pass.pending());
            fetched += pass.fetched();
        }
        int total = fetched;
        if (pass.done()) {
            LOG.info(() -> "Read " + total + " earlier object(s) of " + neighbourActor);
        } else if (!closed) {
            Pass last = pass;
            LOG.warning(() -> last.pending() == null
                    ? "The outbox of " + neighbourActor + " could not be read; earlier objects are missing"
                    : "Read " + total + " earlier object(s) of " + neighbourActor + "; " + last.pending().size()
                            + " could not be fetched: " + last.pending());
        }
    }

    /**
     * One pass: reads the outbox (unless {@code only} names the objects still missing) and fetches
     * each object.
     */
    public Pass run(String neighbourActor, SequencedSet<String> only) {
        SequencedSet<String> objects = only;
        if (objects == null) {
            Optional<String> outbox = remoteActors.actor(neighbourActor).map(Actor::json)
                    .map(json -> JsonValues.id(json.get("outbox")))
                    .filter(url -> Origin.isHttpUrl(url) && Origin.sameHost(url, neighbourActor));
            if (outbox.isEmpty()) {
                return new Pass(0, new LinkedHashSet<>());
            }
            objects = objectIds(neighbourActor, outbox.get());
            if (objects == null) {
                return new Pass(0, null);
            }
        }
        SequencedSet<String> pending = new LinkedHashSet<>();
        int fetched = 0;
        // Oldest first, as they were published: items of the same second then list in their order.
        for (String id : objects.reversed()) {
            if (closed) {
                break;
            }
            if (neighbours.fetchAndKeep(neighbourActor, id)) {
                fetched++;
            } else {
                pending.addFirst(id); // kept newest first, like the outbox
            }
        }
        return new Pass(fetched, pending);
    }

    /**
     * Ids of the objects the actor's Creates and Announces name, newest first, bounded; null if the
     * first page could not be read.
     */
    private SequencedSet<String> objectIds(String actor, String outbox) {
        Dereferenced collection = dereferencer.fetchFresh(outbox);
        if (!(collection instanceof Dereferenced.Found found && found.document() instanceof AsCollection c)) {
            return NeighbourService.isTransient(collection) ? null : new LinkedHashSet<>();
        }
        SequencedSet<String> ids = new LinkedHashSet<>();
        String next = c.first();
        for (int page = 0; next != null && page < MAX_PAGES && ids.size() < MAX_OBJECTS; page++) {
            if (!Origin.sameHost(next, actor)) {
                break;
            }
            Dereferenced fetched = dereferencer.fetchFresh(next);
            if (!(fetched instanceof Dereferenced.Found f && f.document() instanceof AsCollection p)) {
                if (page == 0 && NeighbourService.isTransient(fetched)) {
                    return null;
                }
                break;
            }
            JsonNode items = p.json().has("orderedItems") ? p.json().get("orderedItems") : p.json().path("items");
            for (JsonNode activity : items) {
                String type = JsonValues.text(activity, "type");
                String object = JsonValues.id(activity.get("object"));
                if (("Create".equals(type) || "Announce".equals(type)) && object != null && ids.size() < MAX_OBJECTS) {
                    ids.add(object);
                }
            }
            next = p.next();
        }
        return ids;
    }

    /** Stops the passes still waiting for a retry (the node stops). */
    @Override
    public void close() {
        closed = true;
        running.forEach(Thread::interrupt);
    }
}
