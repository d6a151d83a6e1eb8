package de.offenekommune.federation.delivery;

import java.util.List;

/** Told when an inbox answers 410 Gone; the followers behind it are already removed from the list. */
@FunctionalInterface
public interface RecipientGoneListener {
    void onGone(String inbox, List<Follower> removedFollowers);
}
