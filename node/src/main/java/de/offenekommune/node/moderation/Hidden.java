package de.offenekommune.node.moderation;

import java.time.Instant;

/** Content hidden by moderation, with the public reason shown in its place. */
public record Hidden(String reason, Instant at) {

    /** From the columns of a {@code LEFT JOIN moderation_hidden h}: null when nothing is hidden. */
    public static Hidden of(String reason, Instant at) {
        return reason == null ? null : new Hidden(reason, at);
    }
}
