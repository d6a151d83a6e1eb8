package de.offenekommune.federation.delivery;

import java.time.Instant;

/**
 * Reachability per remote host. A host that fails on {@code unavailable-after-days} different days
 * without a success in between is unavailable: deliveries to it are skipped until it answers again
 * (it sends us a signed activity, or an admin marks it available).
 */
public interface HostRegistry {
    boolean isUnavailable(String host);

    void recordSuccess(String host, Instant now);

    /** @return true when this failure made the host unavailable */
    boolean recordFailure(String host, Instant now, int unavailableAfterDays);

    void markAvailable(String host);
}
