package de.offenekommune.node.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import de.offenekommune.node.web.HtmlSanitizer;

/**
 * Writes events as an iCalendar (RFC 5545) document: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 character), TEXT values escaped, all times in UTC so no VTIMEZONE is
 * needed, and a UID built from the event's id and the node's host, so it never changes.
 */
public final class ICalendar {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final String baseUrl;
    private final String host;
    private final String townName;

    public ICalendar(String baseUrl, String host, String townName) {
        this.baseUrl = baseUrl;
        this.host = host;
        this.townName = townName;
    }

    public String uid(Event e) {
        return "termin-" + e.id() + "@" + host;
    }

    /** @param calendarName shown by calendar apps as the subscription's name */
    public String write(String calendarName, List<Event> events) {
        StringBuilder out = new StringBuilder(512 + events.size() * 512);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//OffeneKommune//" + escape(townName) + "//DE");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        for (Event e : events) {
            event(out, e);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, Event e) {
        String url = baseUrl + e.path();
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(e));
        // DTSTAMP: when this version was made; the last change keeps it stable between downloads.
        line(out, "DTSTAMP:" + UTC.format(e.updatedAt()));
        line(out, "LAST-MODIFIED:" + UTC.format(e.updatedAt()));
        line(out, "CREATED:" + UTC.format(e.createdAt()));
        line(out, "DTSTART:" + UTC.format(e.startsAt()));
        line(out, "DTEND:" + UTC.format(end(e)));
        line(out, "SUMMARY:" + escape(e.title()));
        String text = description(e);
        if (!text.isEmpty()) {
            line(out, "DESCRIPTION:" + escape(text + "\n\n" + url));
        } else {
            line(out, "DESCRIPTION:" + escape(url));
        }
        String place = e.placeAddress() == null || e.placeAddress().isBlank() ? e.placeName()
                : e.placeName() + ", " + e.placeAddress();
        line(out, "LOCATION:" + escape(place));
        if (e.hasPoint()) {
            line(out, "GEO:" + e.latitude() + ";" + e.longitude());
        }
        line(out, "URL:" + url);
        line(out, "STATUS:CONFIRMED");
        line(out, "END:VEVENT");
    }

    /** DTEND must lie after DTSTART; an event without duration gets one minute. */
    private static Instant end(Event e) {
        return e.endsAt().isAfter(e.startsAt()) ? e.endsAt() : e.startsAt().plusSeconds(60);
    }

    private static String description(Event e) {
        String summary = e.summary() == null ? "" : e.summary().strip();
        String body = HtmlSanitizer.text(e.descriptionHtml());
        if (summary.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? summary : summary + "\n\n" + body;
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    // dropped: \r\n becomes \n
                }
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
