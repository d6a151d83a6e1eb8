package de.offenekommune.federation.inbox;

import de.offenekommune.federation.vocab.Activity;

/**
 * Processes one type of activity (registered with {@link InboxHandlers#on}). Runs after the 202,
 * on a dispatcher thread; an exception means "try again later".
 */
@FunctionalInterface
public interface InboxHandler {
    void handle(InboxActivity activity) throws Exception;

    /**
     * Looks at a verified activity before it is stored, while the sender waits: a refusal is answered
     * right away with its 4xx status and nothing is stored. Only cheap checks belong here (shape, size,
     * required properties); no fetches. Accepts everything by default.
     */
    default InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        return InboxCheck.ACCEPT;
    }
}
