package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.offenekommune.node.project.PhaseKind;

/**
 * A public project, proposal, survey or event of a neighbouring town (or a member of the region),
 * as it published it; pages link to the origin.
 *
 * @param neighbourName the town it comes from
 * @param proposalStatus submitted, inReview, answered (proposals only)
 */
public record NeighbourItem(long id, String apId, String neighbourActor, String neighbourName, String attributedTo,
                            Kind kind, String name, String summary, String url, String proposalStatus,
                            Integer localSupports, Integer remoteSupports, Integer supportThreshold,
                            Instant publishedAt, Instant updatedAt, Instant deletedAt, Details details) {

    public enum Kind {
        PROJECT, PROPOSAL, SURVEY, EVENT
    }

    /**
     * What the regional overview filters and maps by.
     *
     * @param projectKind a project's kind (enum name of {@code ProjectKind}), else null
     * @param topics      topic enum names ({@code TRANSPORT})
     * @param startsAt    an event's start or a survey's opening
     * @param partIds     ids of parts published on their own (a survey's Questions)
     * @param phases      a project's phases; empty where not loaded
     */
    public record Details(String projectKind, List<String> topics, String locationName, Double latitude,
                          Double longitude, Instant startsAt, Instant endsAt, List<String> partIds,
                          List<Phase> phases) {
        public static final Details NONE = new Details(null, List.of(), null, null, null, null, null, List.of(),
                List.of());

        public boolean located() {
            return latitude != null && longitude != null;
        }
    }

    /** A project phase as the neighbour published it. */
    public record Phase(PhaseKind kind, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public boolean proposal() {
        return kind == Kind.PROPOSAL;
    }

    public String path() {
        return "/nachbarschaft/" + id;
    }
}
