package de.offenekommune.node.feed;

import java.time.Instant;

/** One entry of an Atom feed; {@code html} is already sanitised and is written escaped as type="html". */
public record AtomEntry(String url, String title, String summary, String html, Instant published, Instant updated) {
}
