package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Instant;

/**
 * A public project or proposal of a neighbouring town, as it published it; the page links to the origin.
 *
 * @param neighbourName the town it comes from
 * @param proposalStatus submitted, inReview, answered (proposals only)
 * @param verifiedAs the legal name its author is verified as here now (a badge), or null
 */
public record NeighbourItem(long id, String apId, String neighbourActor, String neighbourName, String attributedTo,
                            Kind kind, String name, String summary, String url, String proposalStatus,
                            Integer localSupports, Integer remoteSupports, Integer supportThreshold,
                            Instant publishedAt, Instant updatedAt, Instant deletedAt, String verifiedAs) {

    public enum Kind {
        PROJECT, PROPOSAL
    }

    public boolean proposal() {
        return kind == Kind.PROPOSAL;
    }

    public String path() {
        return "/nachbarschaft/" + id;
    }
}
