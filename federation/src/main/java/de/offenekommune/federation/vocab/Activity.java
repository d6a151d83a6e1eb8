package de.offenekommune.federation.vocab;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An activity: who ({@code actor}) did what ({@code type}) to what ({@code object}, maybe embedded).
 *
 * @param actor  the single acting actor's id (the first, when a server sends a list)
 * @param object the object, as IRI or embedded document, or null
 * @param target the target, or null
 */
public record Activity(String id, List<String> types, String actor, Reference object, Reference target,
                       List<String> to, List<String> cc, String published, ObjectNode json) implements AsDocument {

    static Activity from(ObjectNode json) {
        return new Activity(JsonValues.text(json, "id"), JsonValues.types(json), JsonValues.id(json.get("actor")),
                Vocabulary.reference(json.get("object")), Vocabulary.reference(json.get("target")),
                JsonValues.ids(json.get("to")), JsonValues.ids(json.get("cc")), JsonValues.text(json, "published"), json);
    }

    /** The embedded object, if the activity carries one rather than an IRI. */
    public java.util.Optional<AsDocument> embeddedObject() {
        return object instanceof Reference.Embedded e ? java.util.Optional.of(e.document()) : java.util.Optional.empty();
    }

    /** A copy whose object is only the IRI: for objects that must be fetched from their origin, not trusted. */
    public Activity withObjectByReference() {
        if (!(object instanceof Reference.Embedded e) || e.id() == null) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        copy.put("object", e.id());
        return new Activity(id, types, actor, new Reference.Iri(e.id()), target, to, cc, published, copy);
    }
}
