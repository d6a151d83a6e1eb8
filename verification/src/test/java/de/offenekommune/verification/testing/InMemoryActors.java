package de.offenekommune.verification.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.verification.key.ControllerDocument;
import de.offenekommune.verification.key.ControllerDocuments;

/**
 * Actor documents by URL, resolved the way the node's fetcher does it: the method URI without its fragment is the
 * document URL. Counts lookups so tests can show that untrusted issuers cost no fetch.
 */
public final class InMemoryActors implements ControllerDocuments {
    private final Map<URI, JsonNode> documents = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** Publishes a document under its own id. */
    public InMemoryActors put(JsonNode actor) {
        documents.put(URI.create(actor.get("id").textValue()), actor);
        return this;
    }

    /** Publishes a document under a URL other than its id (a server lying about an actor). */
    public InMemoryActors putAt(URI url, JsonNode document) {
        documents.put(url, document);
        return this;
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    public Optional<ControllerDocument> resolve(URI verificationMethod) {
        lookups.incrementAndGet();
        JsonNode document = documents.get(withoutFragment(verificationMethod));
        return Optional.ofNullable(document).map(ControllerDocument::fromActor);
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
