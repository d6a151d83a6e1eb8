package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Instant;

/** A town the town actor follows; {@code state} is PENDING until it accepts. */
public record Neighbour(String actorUri, String handle, String name, String profileUrl, State state,
                        String followActivity, Instant createdAt) {

    public enum State {
        PENDING, ACCEPTED, REJECTED
    }
}
