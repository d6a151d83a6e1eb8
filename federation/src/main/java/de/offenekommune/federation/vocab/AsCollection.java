package de.offenekommune.federation.vocab;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A collection or collection page; {@code items} and {@code orderedItems} are read alike. */
public record AsCollection(String id, List<String> types, long totalItems, String first, String next,
                           String partOf, List<Reference> items, ObjectNode json) implements AsDocument {

    static AsCollection from(ObjectNode json) {
        JsonNode itemsNode = json.has("orderedItems") ? json.get("orderedItems") : json.get("items");
        List<Reference> items = new ArrayList<>();
        if (itemsNode != null && itemsNode.isArray()) {
            for (JsonNode item : itemsNode) {
                Reference ref = Vocabulary.reference(item);
                if (ref != null) {
                    items.add(ref);
                }
            }
        } else if (itemsNode != null) {
            Reference ref = Vocabulary.reference(itemsNode);
            if (ref != null) {
                items.add(ref);
            }
        }
        JsonNode first = json.get("first");
        return new AsCollection(JsonValues.text(json, "id"), JsonValues.types(json), JsonValues.number(json, "totalItems"),
                JsonValues.id(first), JsonValues.id(json.get("next")), JsonValues.id(json.get("partOf")), items, json);
    }
}
