package de.offenekommune.federation.vocab;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An object that is neither activity, actor nor collection: Note, Page, Article, Question, Event,
 * Tombstone and the rest. Only the properties every server uses are lifted out.
 */
public record AsObject(String id, List<String> types, List<String> attributedTo, String inReplyTo, String name,
                       String summary, String content, String url, String published, List<String> to,
                       List<String> cc, ObjectNode json) implements AsDocument {

    static AsObject from(ObjectNode json) {
        return new AsObject(JsonValues.text(json, "id"), JsonValues.types(json), JsonValues.ids(json.get("attributedTo")),
                JsonValues.id(json.get("inReplyTo")), JsonValues.text(json, "name"), JsonValues.text(json, "summary"),
                JsonValues.text(json, "content"), JsonValues.id(json.get("url")), JsonValues.text(json, "published"),
                JsonValues.ids(json.get("to")), JsonValues.ids(json.get("cc")), json);
    }
}
