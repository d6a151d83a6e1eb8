package de.offenekommune.federation.delivery;

/** A remote actor following a local one, with where to deliver to it. */
public record Follower(String localActor, String remoteActor, String inbox, String sharedInbox, boolean accepted) {
}
