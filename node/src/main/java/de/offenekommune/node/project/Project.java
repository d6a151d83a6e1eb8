package de.offenekommune.node.project;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.topic.Topic;

/**
 * A project as stored. {@code description} is the staff's Markdown; {@code descriptionHtml} its
 * sanitised rendering, made once when the project is saved.
 */
public record Project(long id, String slug, ProjectKind kind, String title, String summary, String description,
                      String descriptionHtml, String locationName, Double latitude, Double longitude,
                      List<Topic> topics, String department, Instant createdAt, Instant updatedAt,
                      Instant deletedAt) {

    public String path() {
        return "/projekte/" + slug;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    public boolean hasLocation() {
        return locationName != null && !locationName.isBlank() || hasPoint();
    }
}
