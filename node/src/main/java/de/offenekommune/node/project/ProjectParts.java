package de.offenekommune.node.project;

/**
 * Which parts a project has at all, so its page runs only the queries of parts that exist. False
 * means "certainly none"; true means "some, maybe not shown" (unpublished news, deleted targets).
 */
public record ProjectParts(boolean news, boolean events, boolean surveys, boolean statements) {
    /** Unknown: look for everything. */
    public static final ProjectParts ALL = new ProjectParts(true, true, true, true);
}
