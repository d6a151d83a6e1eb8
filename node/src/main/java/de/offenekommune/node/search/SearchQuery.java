package de.offenekommune.node.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * A search as the URL states it: the words ({@code q}), an optional kind ({@code art}) and a keyset
 * cursor ({@code nach}: rank, kind and id of the last hit of the previous page).
 *
 * @param kind null: all kinds
 * @param after null: the first page
 */
public record SearchQuery(String text, SearchKind kind, Cursor after) {
    public static final int MAX_LENGTH = 200;
    private static final Pattern OR = Pattern.compile("(?<=^|\\s)oder(?=\\s|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Rank as PostgreSQL prints a real (shortest exact form), kind order, id. */
    private static final Pattern CURSOR = Pattern.compile(
            "(\\d{1,3}(?:\\.\\d{1,12})?(?:e[-+]\\d{1,3})?)_([1-3])_(\\d{1,18})");

    /** Where the previous page ended. {@code rank} stays text so it goes back to the database exactly. */
    public record Cursor(String rank, int kindOrder, long id) {
        public String param() {
            return rank + "_" + kindOrder + "_" + id;
        }
    }

    /**
     * @throws InvalidInput for an empty or too long text (field {@code q})
     * @throws HttpError 400 for an unknown kind or a malformed cursor
     */
    public static SearchQuery parse(String q, String kind, String after) {
        String text = q == null ? "" : q.strip().replaceAll("[\\p{Cntrl}\\s]+", " ");
        new InvalidInput.Collector()
                .check(!text.isEmpty(), "q", "search.error.empty")
                .check(text.length() <= MAX_LENGTH, "q", "search.error.too-long")
                .throwIfAny();
        SearchKind k = kind == null || kind.isBlank() ? null
                : SearchKind.byCode(kind).orElseThrow(() -> HttpError.badRequest("search.error.bad-filter"));
        return new SearchQuery(text, k, after == null || after.isBlank() ? null : cursor(after));
    }

    private static Cursor cursor(String value) {
        Matcher m = CURSOR.matcher(value);
        if (!m.matches()) {
            throw HttpError.badRequest("search.error.bad-filter");
        }
        return new Cursor(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** Query parameters of this search without the cursor, in a stable order (for links). */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", text);
        if (kind != null) {
            p.put("art", kind.code());
        }
        return p;
    }

    /**
     * The text for websearch_to_tsquery, which knows "or" but not the German "oder" (a stop word it
     * would drop, silently turning "A oder B" into "A und B").
     */
    public String tsText() {
        return OR.matcher(text).replaceAll("or");
    }

    public SearchQuery withKind(SearchKind other) {
        return new SearchQuery(text, other, null);
    }
}
