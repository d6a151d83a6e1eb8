package de.offenekommune.node.region;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;
import de.offenekommune.node.project.PhaseKind;

/**
 * One entry of the regional overview: an item a member town published, with the town's key and
 * name and the phase its project is in today.
 *
 * @param url          the page on the town's own node
 * @param currentPhase today's phase of a project, else null
 */
public record RegionItem(long id, ItemKind kind, String ags, String town, String name, String summary, String url,
                         NeighbourItem.Details details, PhaseKind currentPhase, String proposalStatus,
                         Integer supports, Instant publishedAt) {

    public List<String> topics() {
        return details.topics();
    }

    /** Where citizens of the region support and comment on a member's proposal with their own account. */
    public String neighbourPath() {
        return "/nachbarschaft/" + id;
    }
}
