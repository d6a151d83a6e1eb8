package de.offenekommune.federation.inbox;

import java.net.IDN;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The node's federation policy: blocked domains (with their subdomains) and blocked actors. */
public interface BlockList {
    /** One entry: {@code kind} is {@code domain} or {@code actor}. */
    record Block(String kind, String value, String reason, Instant createdAt) {
    }

    /**
     * A domain as blocks are stored and compared: no surrounding blanks or trailing dots, ASCII
     * (IDN), lower case.
     *
     * @throws IllegalArgumentException not a name IDN can convert
     */
    static String normaliseDomain(String domain) {
        String d = domain.strip();
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
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
