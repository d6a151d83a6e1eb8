package de.offenekommune.node.comment;

/** The public object a comment belongs to: its kind ("proposal", "project", "news"), id, title and page. */
public record CommentTarget(String kind, long id, String title, String path) {
}
