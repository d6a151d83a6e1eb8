package de.offenekommune.federation.inbox;

import java.time.Instant;

import de.offenekommune.federation.vocab.Activity;

/**
 * What a handler receives: an activity whose signature verified, whose actor is the signer, and
 * whose embedded objects come from the signer's host (others were reduced to their ids, to be
 * fetched from their own origin if needed).
 *
 * @param inboxOwner the local actor whose personal inbox received it, or null for the shared inbox
 */
public record InboxActivity(Activity activity, Signer signer, String inboxOwner, Instant receivedAt) {
    public String type() {
        return activity.type();
    }
}
