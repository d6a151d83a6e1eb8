package de.offenekommune.node.event;

import java.time.Instant;

/** A public event (Veranstaltung), optionally part of a project (then with its slug and title). */
public record Event(long id, Long projectId, String projectSlug, String projectTitle, String title, String summary,
                    String description, String descriptionHtml, Instant startsAt, Instant endsAt, String placeName,
                    String placeAddress, Double latitude, Double longitude, Instant createdAt, Instant updatedAt,
                    Instant deletedAt) {

    public String path() {
        return "/termine/" + id;
    }

    public String projectPath() {
        return projectSlug == null ? null : "/projekte/" + projectSlug;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    public boolean hasProject() {
        return projectSlug != null;
    }
}
