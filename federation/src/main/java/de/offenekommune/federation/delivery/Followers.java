package de.offenekommune.federation.delivery;

import java.time.Instant;
import java.util.List;

/** Protocol state: who follows which local actor. The application decides; this keeps the list. */
public interface Followers {
    /** Adds or updates a follower (pending until {@link #accept}, or accepted right away). */
    void add(Follower follower, String followActivityId, Instant now);

    void accept(String localActor, String remoteActor);

    boolean remove(String localActor, String remoteActor);

    /** Removes every follower delivered through this personal inbox (it answered 410); returns the remote actors. */
    List<Follower> removeByInbox(String inbox);

    /** Removes a remote actor from every local actor's followers (it was deleted); returns how many. */
    int removeRemoteActor(String remoteActor);

    /** Removes the followers whose actor is on this domain or a subdomain (it was blocked); returns how many. */
    int removeFromDomain(String domain);

    /** Removes every follower of a local actor (the actor was deleted and told them so); returns how many. */
    int removeAllOf(String localActor);

    List<Follower> list(String localActor);

    long count(String localActor);

    /** Distinct delivery targets for accepted followers: one shared inbox per server where it has one. */
    List<String> inboxesOf(String localActor);
}
