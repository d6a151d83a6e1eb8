package de.offenekommune.federation.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One handler per activity type ({@code on("Like", handler)}). A second registration for the same
 * type is a wiring mistake and throws. Types without a handler are acknowledged with 202 and dropped.
 */
public final class InboxHandlers {
    private final Map<String, InboxHandler> handlers = new ConcurrentHashMap<>();

    public InboxHandlers on(String type, InboxHandler handler) {
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("a handler for " + type + " is already registered");
        }
        return this;
    }

    public Optional<InboxHandler> handlerFor(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public boolean supports(String type) {
        return type != null && handlers.containsKey(type);
    }

    public Set<String> types() {
        return Set.copyOf(handlers.keySet());
    }
}
