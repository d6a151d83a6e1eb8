package de.offenekommune.node.project;

/** A link to a document or page about the project (http or https only). */
public record ProjectLink(long id, long projectId, String title, String url, int position) {
}
