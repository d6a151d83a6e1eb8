package de.offenekommune.node.region;

import java.time.Instant;

/**
 * A member town of the region: its official key, the handle of its town actor, and that actor once
 * WebFinger has found it (the region then follows it like any neighbour).
 *
 * @param lastError message key of why the last attempt to reach it failed, or null
 */
public record RegionMember(String ags, String handle, String actorUri, Source source, String lastError,
                           Instant lastAttemptAt, Instant createdAt) {

    /** Where the member comes from: {@code region.members} (not removable in the UI) or an admin. */
    public enum Source {
        CONFIG, ADMIN
    }

    public boolean linked() {
        return actorUri != null;
    }
}
