package de.offenekommune.federation.delivery;

/**
 * A delivery a worker holds the lease on.
 *
 * @param attempts how many attempts were made before this one
 */
public record ClaimedDelivery(long id, String senderActor, String activityId, String inbox, String host, int attempts,
                              byte[] body) {
}
