package de.offenekommune.node.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Field checks shared by the participation forms and the JSON API: each returns the cleaned value
 * (or null) and records a message key in the collector when the value is unusable, so one request
 * reports all its field errors at once.
 */
public final class Inputs {
    private Inputs() {
    }

    /** Trimmed text; null if blank and optional. */
    public static String text(InvalidInput.Collector errors, String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.check(!required, field, "form.error.required");
            return required ? "" : null;
        }
        errors.check(v.length() <= max, field, "form.error.too-long");
        errors.check(!hasControlCharacters(v), field, "form.error.control-characters");
        return v;
    }

    /** Like {@link #text} but keeps line breaks (Markdown, descriptions). */
    public static String longText(InvalidInput.Collector errors, String field, String value, int max,
                                  boolean required) {
        String v = value == null ? "" : value.strip().replace("\r\n", "\n");
        if (v.isEmpty()) {
            errors.check(!required, field, "form.error.required");
            return "";
        }
        errors.check(v.length() <= max, field, "form.error.too-long");
        errors.check(!hasControlCharacters(v.replace("\n", "").replace("\t", "")), field,
                "form.error.control-characters");
        return v;
    }

    /** An absolute http(s) URL with a host; nothing else (no javascript:, data:, relative paths). */
    public static String httpUrl(InvalidInput.Collector errors, String field, String value, boolean required) {
        String v = text(errors, field, value, 2000, required);
        if (v == null || v.isEmpty() || errors.has(field)) {
            return v;
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
            errors.check(ok, field, "form.error.url");
        } catch (URISyntaxException e) {
            errors.check(false, field, "form.error.url");
        }
        return v;
    }

    /** A calendar date as {@code 2025-03-31}. */
    public static LocalDate date(InvalidInput.Collector errors, String field, String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.check(!required, field, "form.error.required");
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.check(false, field, "form.error.date");
            return null;
        }
    }

    /**
     * A point in time: ISO-8601 with offset ({@code 2025-05-10T18:00:00+02:00}, from the API) or a
     * local date-time as browsers send it ({@code 2025-05-10T18:00}), read in the town's time zone.
     */
    public static Instant dateTime(InvalidInput.Collector errors, String field, String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.check(!required, field, "form.error.required");
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(Page.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                errors.check(false, field, "form.error.datetime");
                return null;
            }
        }
    }

    /** One of an enum's values, by the name or a code the enum accepts. */
    public static <E extends Enum<E>> E choice(InvalidInput.Collector errors, String field, String value,
                                               Class<E> type, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.check(!required, field, "form.error.required");
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        errors.check(false, field, "form.error.choice");
        return null;
    }

    /** Both or neither coordinate, each in range. */
    public static void coordinates(InvalidInput.Collector errors, Double latitude, Double longitude) {
        errors.check((latitude == null) == (longitude == null), latitude == null ? "latitude" : "longitude",
                "form.error.coordinates-pair");
        errors.check(latitude == null || latitude >= -90 && latitude <= 90 && !latitude.isNaN(), "latitude",
                "form.error.latitude");
        errors.check(longitude == null || longitude >= -180 && longitude <= 180 && !longitude.isNaN(), "longitude",
                "form.error.longitude");
    }

    /** A decimal number typed into a form field ("51,23" or "51.23"); null if blank. */
    public static Double decimal(InvalidInput.Collector errors, String field, String value) {
        String v = value == null ? "" : value.strip().replace(',', '.');
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            errors.check(Double.isFinite(d), field, "form.error.number");
            return d;
        } catch (NumberFormatException e) {
            errors.check(false, field, "form.error.number");
            return null;
        }
    }

    /** A positive id from a path segment; anything else names no object (404). */
    public static long pathId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.notFound();
    }

    private static boolean hasControlCharacters(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
