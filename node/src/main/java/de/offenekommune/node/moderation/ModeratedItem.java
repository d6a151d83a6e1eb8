package de.offenekommune.node.moderation;

/**
 * Flaggable content as moderation shows it: what it is, a plain-text excerpt (the original, also
 * when hidden: only staff see this), who wrote it and where it is.
 */
public record ModeratedItem(String kind, long id, String title, String excerpt, String authorName, String path,
                            boolean deleted) {
}
