package de.offenekommune.node.project;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.topic.Topic;

/** A project as lists show it, with the phase running today (null if none). */
public record ProjectSummary(long id, String slug, ProjectKind kind, String title, String summary,
                             List<Topic> topics, String locationName, Phase currentPhase, Instant updatedAt) {

    public String path() {
        return "/projekte/" + slug;
    }
}
