package de.offenekommune.federation.inbox;

/**
 * Processes one type of activity (registered with {@link InboxHandlers#on}). Runs after the 202,
 * on a dispatcher thread; an exception means "try again later".
 */
@FunctionalInterface
public interface InboxHandler {
    void handle(InboxActivity activity) throws Exception;
}
