package de.offenekommune.federation.inbox;

import java.time.Instant;
import java.util.List;

/** The node's federation policy: blocked domains (with their subdomains) and blocked actors. */
public interface BlockList {
    /** One entry: {@code kind} is {@code domain} or {@code actor}. */
    record Block(String kind, String value, String reason, Instant createdAt) {
    }

    /** Every block, domains first, each kind in alphabetical order. */
    List<Block> list();

    boolean isBlockedHost(String host);

    boolean isBlockedActor(String actorId);

    void blockDomain(String domain, String reason);

    void unblockDomain(String domain);

    void blockActor(String actorId, String reason);

    void unblockActor(String actorId);
}
