package de.offenekommune.federation.fetch;

import de.offenekommune.federation.vocab.AsDocument;

/** The outcome of fetching an ActivityPub document. */
public sealed interface Dereferenced {
    record Found(AsDocument document) implements Dereferenced {
    }

    record Failed(FetchFailure failure, String detail) implements Dereferenced {
    }
}
