package de.offenekommune.node.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with the query's words marked, as parts: templates print every part escaped and wrap the
 * marked ones in {@code <mark>}, so the marks are the only markup a search result carries.
 *
 * @param parts in reading order; adjacent parts differ in {@code marked}
 */
public record Highlighted(List<Part> parts) {
    /** Start and end of a match in PostgreSQL's ts_headline output: private-use characters no text contains. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    public record Part(String text, boolean marked) {
    }

    public static Highlighted plain(String text) {
        return new Highlighted(text == null || text.isEmpty() ? List.of() : List.of(new Part(text, false)));
    }

    /**
     * Splits ts_headline output at the markers. Unbalanced or stray markers are dropped, whitespace
     * runs (line breaks of the source) become one space.
     */
    public static Highlighted parse(String headline) {
        List<Part> parts = new ArrayList<>();
        if (headline == null) {
            return new Highlighted(parts);
        }
        StringBuilder current = new StringBuilder();
        boolean marked = false;
        for (int i = 0; i < headline.length(); i++) {
            char ch = headline.charAt(i);
            if (ch == OPEN || ch == CLOSE) {
                if (marked != (ch == OPEN)) {
                    flush(parts, current, marked);
                    marked = ch == OPEN;
                }
            } else {
                current.append(Character.isWhitespace(ch) ? ' ' : ch);
            }
        }
        flush(parts, current, marked);
        if (!parts.isEmpty()) {
            Part first = parts.getFirst();
            parts.set(0, new Part(first.text().stripLeading(), first.marked()));
            Part last = parts.getLast();
            parts.set(parts.size() - 1, new Part(last.text().stripTrailing(), last.marked()));
            parts.removeIf(p -> p.text().isEmpty());
        }
        return new Highlighted(List.copyOf(parts));
    }

    private static void flush(List<Part> parts, StringBuilder text, boolean marked) {
        String t = text.toString().replaceAll(" {2,}", " ");
        text.setLength(0);
        if (t.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.getLast().marked() == marked) {
            parts.set(parts.size() - 1, new Part(parts.getLast().text() + t, marked));
        } else {
            parts.add(new Part(t, marked));
        }
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The text without marks (for tests and logs). */
    public String text() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }
}
