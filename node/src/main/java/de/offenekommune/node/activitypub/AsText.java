package de.offenekommune.node.activitypub;

/** Plain text and dates the way ActivityStreams documents carry them (HTML {@code content}, ISO dates). */
public final class AsText {
    private AsText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** One paragraph, or nothing for empty text. */
    public static String paragraph(String text) {
        return text == null || text.isBlank() ? "" : "<p>" + escape(text.strip()) + "</p>";
    }

    /** A link paragraph: {@code <p><a href="url">label</a></p>}. */
    public static String link(String url, String label) {
        return "<p><a href=\"" + escape(url) + "\">" + escape(label) + "</a></p>";
    }

    /** An instant as ActivityStreams dates are usually written: UTC, whole seconds. */
    public static String time(java.time.Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
