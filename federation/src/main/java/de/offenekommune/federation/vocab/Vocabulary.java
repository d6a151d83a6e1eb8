package de.offenekommune.federation.vocab;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sorts a compacted ActivityStreams document into {@link Activity}, {@link Actor}, {@link AsCollection}
 * or {@link AsObject}. Expects the property names of the ActivityStreams context; documents in other
 * shapes go through {@code jsonld.DocumentReader} first.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static AsDocument read(ObjectNode json) {
        List<String> types = JsonValues.types(json);
        if (AsTypes.firstOf(types, AsTypes.ACTIVITIES) != null) {
            return Activity.from(json);
        }
        if (AsTypes.firstOf(types, AsTypes.ACTORS) != null) {
            return Actor.from(json);
        }
        if (AsTypes.firstOf(types, AsTypes.COLLECTIONS) != null) {
            return AsCollection.from(json);
        }
        return AsObject.from(json);
    }

    /** Reads an IRI-or-object value; null when absent. */
    static Reference reference(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return new Reference.Iri(value.asText());
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            if (!object.has("type") && object.has("id") && object.size() == 1) {
                return new Reference.Iri(object.get("id").asText());
            }
            return new Reference.Embedded(read(object));
        }
        if (value.isArray() && !value.isEmpty()) {
            return reference(value.get(0));
        }
        return null;
    }
}
