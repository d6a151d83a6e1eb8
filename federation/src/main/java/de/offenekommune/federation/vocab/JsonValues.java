package de.offenekommune.federation.vocab;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads ActivityStreams values in all the shapes servers send: a string, an object with an id, a
 * Link with an href, or an array of those.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** The id of a reference-valued property, or null: a string, {@code {"id": ...}} or the first array element. */
    public static String id(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject()) {
            JsonNode id = value.get("id");
            if (id != null && id.isTextual()) {
                return id.asText();
            }
            JsonNode href = value.get("href");
            return href != null && href.isTextual() ? href.asText() : null;
        }
        if (value.isArray() && !value.isEmpty()) {
            return id(value.get(0));
        }
        return null;
    }

    /** All ids of a reference-valued property, in order; elements without an id are skipped. */
    public static List<String> ids(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return ids;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String id = id(element);
                if (id != null) {
                    ids.add(id);
                }
            }
        } else {
            String id = id(value);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** A plain string property, or null if absent or not a string. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** {@code type} as a list: servers send a string or an array (Mastodon: ["Person", "vcard:individual"]). */
    public static List<String> types(JsonNode object) {
        List<String> types = new ArrayList<>();
        JsonNode type = object.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual()) {
                    types.add(t.asText());
                }
            }
        }
        return types;
    }

    /** A non-negative integer property, or -1. */
    public static long number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : -1;
    }
}
