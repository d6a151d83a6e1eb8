package de.offenekommune.federation.vocab;

/** A property that may hold an IRI or an embedded object (an activity's {@code object}, {@code target}). */
public sealed interface Reference {
    /** The referenced id; may be null for an embedded object without id. */
    String id();

    record Iri(String id) implements Reference {
    }

    record Embedded(AsDocument document) implements Reference {
        @Override
        public String id() {
            return document.id();
        }
    }
}
