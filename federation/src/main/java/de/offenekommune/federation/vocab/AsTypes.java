package de.offenekommune.federation.vocab;

import java.util.List;
import java.util.Set;

/** The ActivityStreams type names this library sorts documents by. */
public final class AsTypes {
    public static final Set<String> ACTIVITIES = Set.of("Accept", "Add", "Announce", "Arrive", "Block", "Create",
            "Delete", "Dislike", "Flag", "Follow", "Ignore", "Invite", "Join", "Leave", "Like", "Listen", "Move",
            "Offer", "Read", "Reject", "Remove", "TentativeAccept", "TentativeReject", "Travel", "Undo",
            "Update", "View", "EmojiReact", "Activity", "IntransitiveActivity");
    public static final Set<String> ACTORS = Set.of("Person", "Group", "Organization", "Application", "Service");
    public static final Set<String> COLLECTIONS = Set.of("Collection", "OrderedCollection", "CollectionPage",
            "OrderedCollectionPage");

    private AsTypes() {
    }

    /** The first type in the set, or null. */
    public static String firstOf(List<String> types, Set<String> set) {
        for (String type : types) {
            if (set.contains(type)) {
                return type;
            }
        }
        return null;
    }

    /** The type an application dispatches on: the first known AS type, else the first type given. */
    public static String primary(List<String> types) {
        for (Set<String> set : List.of(ACTIVITIES, ACTORS, COLLECTIONS)) {
            String found = firstOf(types, set);
            if (found != null) {
                return found;
            }
        }
        return types.isEmpty() ? null : types.getFirst();
    }
}
