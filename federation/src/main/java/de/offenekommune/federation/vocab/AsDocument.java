package de.offenekommune.federation.vocab;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Any ActivityStreams document, sorted by kind. Each keeps its full JSON so the application can read
 * the properties this library does not model.
 */
public sealed interface AsDocument permits Activity, Actor, AsCollection, AsObject {
    String id();

    List<String> types();

    ObjectNode json();

    /** The type to dispatch on. */
    default String type() {
        return AsTypes.primary(types());
    }
}
