package de.offenekommune.node.project;

/** A news post as staff submit it; {@code publishedAt} empty means now. */
public record NewsInput(String title, String summary, String body, String publishedAt) {
}
