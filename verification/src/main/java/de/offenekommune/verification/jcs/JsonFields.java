package de.offenekommune.verification.jcs;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of JSON members for signed documents. Every failure is an {@link IllegalArgumentException} naming
 * the member, so verifiers can answer "malformed" with a useful message instead of a stack trace.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return node;
    }

    public static String text(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return value.textValue();
    }

    public static Optional<String> optionalText(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** An absolute URI member; http(s) URIs must name a host. */
    public static URI uri(JsonNode object, String name) {
        return absoluteUri(text(object, name), "\"" + name + "\"");
    }

    /** The id of a member that is either a URI string or an embedded object with an {@code id}. */
    public static URI idOf(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value != null && value.isObject()) {
            return uri(value, "id");
        }
        return uri(object, name);
    }

    public static URI absoluteUri(String text, String what) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException(what + " must be an absolute URI");
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && (uri.getHost() == null || uri.getHost().isEmpty())) {
                throw new IllegalArgumentException(what + " must name a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URI: " + e.getReason(), e);
        }
    }

    /** An XML Schema dateTimeStamp (a date-time with a zone offset), as Data Integrity and VC 2.0 use. */
    public static Instant dateTime(JsonNode object, String name) {
        return parseDateTime(text(object, name), "\"" + name + "\"");
    }

    public static Instant parseDateTime(String text, String what) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date-time with offset, e.g. 2026-01-31T12:00:00Z", e);
        }
    }
}
