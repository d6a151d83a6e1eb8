package de.offenekommune.node.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Date and time formats for templates beyond those on {@link Page}: calendar days, times, form values. */
public final class Formats {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(Page.ZONE);

    private Formats() {
    }

    /** "12. März 2025" / "Mar 12, 2025". */
    public static String day(Page page, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(page.locale())
                .format(date);
    }

    /** "Mittwoch, 12. März 2025". */
    public static String weekday(Page page, Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(page.locale())
                .format(instant.atZone(Page.ZONE));
    }

    /** "18:30" in the town's time zone. */
    public static String time(Page page, Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(page.locale())
                .format(instant.atZone(Page.ZONE));
    }

    /** The value of an {@code <input type="datetime-local">} in the town's time zone. */
    public static String localInput(Instant instant) {
        return instant == null ? "" : LOCAL_INPUT.format(instant);
    }

    /** ISO date for {@code <time datetime>} and {@code <input type="date">}. */
    public static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** Same calendar day in the town's time zone. */
    public static boolean sameDay(Instant a, Instant b) {
        return a.atZone(Page.ZONE).toLocalDate().equals(b.atZone(Page.ZONE).toLocalDate());
    }

    /** A coordinate with six decimals (about 10 cm), never in exponent notation. */
    public static String coordinate(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    /** A link to the point on OpenStreetMap, for visitors who want a map. */
    public static String osmUrl(Double latitude, Double longitude) {
        String lat = coordinate(latitude);
        String lon = coordinate(longitude);
        return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=17/" + lat + "/" + lon;
    }
}
