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

    private DateTexts() {
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
