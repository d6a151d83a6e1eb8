package de.offenekommune.node.project;

import java.time.Instant;

/** A news post of a project; shown from {@code publishedAt} on. */
public record News(long id, long projectId, String projectSlug, String projectTitle, String title, String summary,
                   String body, String bodyHtml, Instant publishedAt, Instant createdAt, Instant updatedAt,
                   Instant deletedAt) {

    public String path() {
        return "/projekte/" + projectSlug + "/neuigkeiten/" + id;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
