package de.offenekommune.node.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates as pages show them (Europe/Berlin), remembered once formatted: a page lists the same
 * comments and proposals for every visitor, and java.time's formatting of a few hundred timestamps
 * was a fifth of the work of rendering a discussion. The memory is bounded (cleared when full).
 */
final class DateTexts {
    enum Style {
        DATE(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)),
        DATE_TIME(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)),
        ISO(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        private final DateTimeFormatter formatter;

        Style(DateTimeFormatter formatter) {
            this.formatter = formatter;
        }
    }

    private static final int MAX_REMEMBERED = 10_000;
    /** Per style and language (a handful), the texts by instant: cheap keys for a lookup made per date shown. */
    private static final Map<Style, Map<Locale, Map<Instant, String>>> TEXTS = new EnumMap<>(Style.class);

    static {
        for (Style style : Style.values()) {
            TEXTS.put(style, new ConcurrentHashMap<>());
        }
    }

    /** Per language, {@code <time datetime="ISO">date and time</time>} by instant, as page bytes. */
    private static final Map<Locale, Map<Instant, StoredHtml>> TIME_ELEMENTS = new ConcurrentHashMap<>();

    private DateTexts() {
    }

    /**
     * The element a discussion shows for each comment, remembered whole: two lookups, an escaped
     * attribute and two texts to encode per comment were a sixth of rendering 200 comments.
     */
    static StoredHtml timeElement(Instant instant, Locale locale) {
        Map<Instant, StoredHtml> elements = TIME_ELEMENTS.computeIfAbsent(locale, k -> new ConcurrentHashMap<>());
        StoredHtml element = instant == null ? null : elements.get(instant);
        if (element == null) {
            element = StoredHtml.of("<time datetime=\"" + escape(format(instant, Style.ISO, locale)) + "\">"
                    + escape(format(instant, Style.DATE_TIME, locale)) + "</time>");
            if (instant != null) {
                if (elements.size() >= MAX_REMEMBERED) {
                    elements.clear();
                }
                elements.put(instant, element);
            }
        }
        return element;
    }

    /** Escaped for an attribute value or text (dates hold none of these, but the element must stay well-formed). */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }

    static String format(Instant instant, Style style, Locale locale) {
        if (instant == null) {
            return "";
        }
        Locale language = style == Style.ISO ? Locale.ROOT : locale;
        Map<Instant, String> texts = TEXTS.get(style).computeIfAbsent(language, k -> new ConcurrentHashMap<>());
        String text = texts.get(instant);
        if (text == null) {
            text = style.formatter.withLocale(language).format(instant.atZone(Page.ZONE));
            if (texts.size() >= MAX_REMEMBERED) {
                texts.clear();
            }
            texts.put(instant, text);
        }
        return text;
    }
}
