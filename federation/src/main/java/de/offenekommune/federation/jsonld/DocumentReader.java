package de.offenekommune.federation.jsonld;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.MalformedDocumentException;
import de.offenekommune.federation.vocab.Vocabulary;

/**
 * The one way untrusted JSON becomes an {@link AsDocument}: parse with limits, refuse restructuring
 * tricks, normalise unusual JSON-LD shapes, then read the ActivityStreams properties.
 */
public final class DocumentReader {
    private final JsonLdNormalizer normalizer;

    public DocumentReader(ContextRegistry registry) {
        this.normalizer = new JsonLdNormalizer(registry);
    }

    public static DocumentReader withBuiltIns() {
        return new DocumentReader(ContextRegistry.withBuiltIns());
    }

    /** @throws MalformedDocumentException with a message fit for a 400 answer */
    public AsDocument read(byte[] json) {
        return read(ActivityJson.parse(json));
    }

    /** @throws MalformedDocumentException with a message fit for a 400 answer */
    public AsDocument read(ObjectNode json) {
        var violation = DocumentGuard.violation(json);
        if (violation.isPresent()) {
            throw new MalformedDocumentException(violation.get());
        }
        ObjectNode plain = normalizer.needsNormalization(json) ? normalizer.normalize(json) : json;
        return Vocabulary.read(plain);
    }

    public JsonLdNormalizer normalizer() {
        return normalizer;
    }
}
