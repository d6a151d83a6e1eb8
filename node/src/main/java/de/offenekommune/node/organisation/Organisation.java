package de.offenekommune.node.organisation;

import java.time.Instant;

/**
 * An organisation with an account here (council group, office, association, municipal company). It
 * acts through its own ActivityPub actor at {@link #path()}; verification is a separate step.
 *
 * @param handle the path segment of its actor and profile, e.g. {@code stadtwerke-musterstadt}
 */
public record Organisation(long id, long accountId, String handle, String name, String summary, Instant createdAt,
                           Instant deletedAt) {
    /** WebFinger handles of organisations start with this; user names cannot contain a hyphen. */
    public static final String HANDLE_PREFIX = "org-";

    public static String path(String handle) {
        return "/organisationen/" + handle;
    }

    public String path() {
        return path(handle);
    }

    /** The user part of {@code acct:org-<handle>@host}. */
    public String webFingerHandle() {
        return HANDLE_PREFIX + handle;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
