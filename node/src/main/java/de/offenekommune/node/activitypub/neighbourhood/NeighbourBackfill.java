package de.offenekommune.node.activitypub.neighbourhood;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
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
 * from its origin, so updates and deletions made since are respected. Runs on its own virtual thread.
 */
public final class NeighbourBackfill {
    private static final Logger LOG = Logger.getLogger(NeighbourBackfill.class.getName());
    static final int MAX_PAGES = 10;
    static final int MAX_OBJECTS = 200;

    private final NeighbourService neighbours;
    private final RemoteActors remoteActors;
    private final Dereferencer dereferencer;

    public NeighbourBackfill(NeighbourService neighbours, RemoteActors remoteActors, Dereferencer dereferencer) {
        this.neighbours = neighbours;
        this.remoteActors = remoteActors;
        this.dereferencer = dereferencer;
    }

    /** Starts reading the neighbour's outbox in the background. */
    public void start(String neighbourActor) {
        Thread.ofVirtual().name("neighbour-backfill").start(() -> {
            try {
                int kept = run(neighbourActor);
                LOG.info(() -> "Read " + kept + " earlier object(s) of " + neighbourActor);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reading the outbox of " + neighbourActor + " failed", e);
            }
        });
    }

    /** @return how many objects were fetched */
    public int run(String neighbourActor) {
        Optional<String> outbox = remoteActors.actor(neighbourActor).map(Actor::json)
                .map(json -> JsonValues.id(json.get("outbox")))
                .filter(url -> Origin.isHttpUrl(url) && Origin.sameHost(url, neighbourActor));
        if (outbox.isEmpty()) {
            return 0;
        }
        Set<String> objects = objectIds(neighbourActor, outbox.get());
        objects.forEach(id -> neighbours.fetchAndKeep(neighbourActor, id));
        return objects.size();
    }

    /** Ids of the objects the actor's Creates and Announces name, newest first, bounded. */
    private Set<String> objectIds(String actor, String outbox) {
        Set<String> ids = new LinkedHashSet<>();
        String next = first(outbox);
        for (int page = 0; next != null && page < MAX_PAGES && ids.size() < MAX_OBJECTS; page++) {
            if (!Origin.sameHost(next, actor) || !(dereferencer.fetchFresh(next) instanceof Dereferenced.Found found)
                    || !(found.document() instanceof AsCollection c)) {
                break;
            }
            JsonNode items = c.json().has("orderedItems") ? c.json().get("orderedItems") : c.json().path("items");
            for (JsonNode activity : items) {
                String type = JsonValues.text(activity, "type");
                String object = JsonValues.id(activity.get("object"));
                if (("Create".equals(type) || "Announce".equals(type)) && object != null && ids.size() < MAX_OBJECTS) {
                    ids.add(object);
                }
            }
            next = c.next();
        }
        return ids;
    }

    private String first(String outbox) {
        if (dereferencer.fetchFresh(outbox) instanceof Dereferenced.Found found && found.document() instanceof AsCollection c) {
            return c.first() != null ? c.first() : null;
        }
        return null;
    }
}
