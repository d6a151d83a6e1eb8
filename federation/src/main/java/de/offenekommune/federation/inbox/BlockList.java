package de.offenekommune.federation.inbox;

/** The node's federation policy: blocked domains (with their subdomains) and blocked actors. */
public interface BlockList {
    boolean isBlockedHost(String host);

    boolean isBlockedActor(String actorId);

    void blockDomain(String domain, String reason);

    void unblockDomain(String domain);

    void blockActor(String actorId, String reason);

    void unblockActor(String actorId);
}
