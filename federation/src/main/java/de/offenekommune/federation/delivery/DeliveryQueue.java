package de.offenekommune.federation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The durable outbound queue. Claims are leases: a worker that dies leaves its deliveries to be
 * claimed again after the lease, so nothing is lost; a finished delivery is never claimed again.
 */
public interface DeliveryQueue {

    /**
     * Stores the activity once and one delivery per distinct inbox, in one transaction.
     *
     * @return the number of deliveries queued
     */
    int enqueue(String senderActor, String activityId, byte[] body, Collection<String> inboxes, Instant now);

    /**
     * Leases up to {@code limit} due deliveries to this worker ({@code FOR UPDATE SKIP LOCKED}, so
     * concurrent workers get disjoint sets), at most {@code perHostLimit} in flight per host, none
     * for hosts marked unavailable.
     */
    List<ClaimedDelivery> claim(String workerId, int limit, int perHostLimit, Instant now, Duration lease);

    void delivered(long id, int status, Instant now);

    /** A delivery its inbox accepted, with the status it answered. */
    record Done(long id, int status) {
    }

    /** Marks several deliveries delivered at once (one statement where the store can). */
    default void deliveredAll(List<Done> done, Instant now) {
        done.forEach(d -> delivered(d.id(), d.status(), now));
    }

    void retryAt(long id, int status, String error, Instant next);

    void failed(long id, int status, String error, Instant now);

    void gone(long id, Instant now);

    /** Marks the queued deliveries of an unavailable host as skipped; returns how many. */
    int skipHost(String host, Instant now);

    /** Deliveries waiting (queued, including leased ones). */
    long depth();

    /** Whether any activity of this sender still waits for a delivery (queued, including leased ones). */
    boolean hasQueuedFrom(String senderActor);
}
