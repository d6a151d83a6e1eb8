package de.offenekommune.node.web;

/** Small helpers for templates, where jte has no functions of its own. */
public final class Html {
    private Html() {
    }

    /** The ids of a field's hint and error, for {@code aria-describedby}; null (attribute omitted) if none. */
    public static String describedBy(String name, boolean hint, boolean error) {
        String ids = (hint ? name + "-hint " : "") + (error ? name + "-error" : "");
        return ids.isBlank() ? null : ids.trim();
    }

    /** A value for a URL's query string (jte escapes HTML, not URLs). */
    public static String query(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The page that explains an author's badge (or why there is none). */
    public static String badgeExplanation(String actor) {
        return "/verifizierung/pruefen?actor=" + query(actor);
    }

    /** "1 Unterstützung" / "3 Unterstützungen": picks the singular or plural message key. */
    public static String plural(Page page, String key, long n) {
        return page.t(key + (n == 1 ? ".one" : ".many"), n);
    }
}
