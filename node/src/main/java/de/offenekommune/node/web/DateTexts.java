package de.offenekommune.node.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    private record Key(Instant instant, Style style, Locale locale) {
    }

    private static final int MAX_REMEMBERED = 20_000;
    private static final Map<Key, String> TEXTS = new ConcurrentHashMap<>();

    private DateTexts() {
    }

    static String format(Instant instant, Style style, Locale locale) {
        if (instant == null) {
            return "";
        }
        Key key = new Key(instant, style, style == Style.ISO ? Locale.ROOT : locale);
        String text = TEXTS.get(key);
        if (text == null) {
            text = style.formatter.withLocale(key.locale()).format(instant.atZone(Page.ZONE));
            if (TEXTS.size() >= MAX_REMEMBERED) {
                TEXTS.clear();
            }
            TEXTS.put(key, text);
        }
        return text;
    }
}
