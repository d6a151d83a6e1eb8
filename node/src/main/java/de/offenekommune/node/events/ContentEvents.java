package de.offenekommune.node.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.offenekommune.node.db.Sql;

/** The bus for {@link ContentEvent}s: listeners are registered at start-up and run in the publisher's transaction. */
public final class ContentEvents {

    @FunctionalInterface
    public interface Listener {
        /** Runs inside the publishing transaction; throwing rolls the change back. */
        void on(Sql tx, ContentEvent event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void publish(Sql tx, ContentEvent event) {
        for (Listener listener : listeners) {
            listener.on(tx, event);
        }
    }

    public void publish(Sql tx, ContentEvent.Kind kind, long id, ContentEvent.Change change) {
        publish(tx, new ContentEvent(kind, id, change));
    }
}
