package de.offenekommune.federation.delivery;

import java.util.ArrayList;
import java.util.List;

/** Who an outgoing activity goes to: inboxes, actors (resolved to their inboxes), followers of a local actor. */
public record Audience(List<String> inboxes, List<String> actors, List<String> followersOf) {

    public static Audience inboxes(String... inboxes) {
        return new Audience(List.of(inboxes), List.of(), List.of());
    }

    public static Audience actors(List<String> actorIds) {
        return new Audience(List.of(), List.copyOf(actorIds), List.of());
    }

    public static Audience followersOf(String localActorId) {
        return new Audience(List.of(), List.of(), List.of(localActorId));
    }

    public Audience and(Audience other) {
        return new Audience(concat(inboxes, other.inboxes), concat(actors, other.actors),
                concat(followersOf, other.followersOf));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
