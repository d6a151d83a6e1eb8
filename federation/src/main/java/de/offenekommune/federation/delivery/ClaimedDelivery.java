package de.offenekommune.federation.delivery;

import de.offenekommune.federation.sig.SignedBody;

/**
 * A delivery a worker holds the lease on.
 *
 * @param attempts how many attempts were made before this one
 * @param body     the activity, shared by the deliveries of one activity so that its digest is computed once
 */
public record ClaimedDelivery(long id, String senderActor, String activityId, String inbox, String host, int attempts,
                              SignedBody body) {
}
