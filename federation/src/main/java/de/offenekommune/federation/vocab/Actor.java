package de.offenekommune.federation.vocab;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An actor document: where to deliver to it and which keys speak for it. */
public record Actor(String id, List<String> types, String preferredUsername, String name, String inbox, String outbox,
                    String followers, String following, String sharedInbox, String url, List<ActorKey> keys,
                    ObjectNode json) implements AsDocument {

    static Actor from(ObjectNode json) {
        JsonNode endpoints = json.get("endpoints");
        String sharedInbox = endpoints != null && endpoints.isObject() ? JsonValues.id(endpoints.get("sharedInbox")) : null;
        return new Actor(JsonValues.text(json, "id"), JsonValues.types(json), JsonValues.text(json, "preferredUsername"),
                JsonValues.text(json, "name"), JsonValues.id(json.get("inbox")), JsonValues.id(json.get("outbox")),
                JsonValues.id(json.get("followers")), JsonValues.id(json.get("following")), sharedInbox,
                JsonValues.id(json.get("url")), keys(json), json);
    }

    /** What the actor's server advertises (FEP-844e {@code implements}, also inside {@code generator}). */
    public java.util.Set<String> capabilities() {
        return Capabilities.of(json);
    }

    /** The inbox to deliver to: the shared inbox when the server has one. */
    public String deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }

    private static List<ActorKey> keys(ObjectNode json) {
        List<ActorKey> keys = new ArrayList<>();
        for (JsonNode key : elements(json.get("publicKey"))) {
            String pem = JsonValues.text(key, "publicKeyPem");
            if (key.isObject() && pem != null) {
                keys.add(new ActorKey(JsonValues.text(key, "id"), JsonValues.id(key.get("owner")), ActorKey.Kind.PEM, pem));
            }
        }
        for (JsonNode key : elements(json.get("assertionMethod"))) {
            String multibase = JsonValues.text(key, "publicKeyMultibase");
            if (key.isObject() && multibase != null) {
                keys.add(new ActorKey(JsonValues.text(key, "id"), JsonValues.id(key.get("controller")),
                        ActorKey.Kind.MULTIBASE, multibase));
            }
        }
        return List.copyOf(keys);
    }

    private static List<JsonNode> elements(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            value.forEach(list::add);
            return list;
        }
        return List.of(value);
    }
}
