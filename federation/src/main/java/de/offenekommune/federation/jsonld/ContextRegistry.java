package de.offenekommune.federation.jsonld;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;

import de.offenekommune.federation.vocab.Contexts;

/**
 * The JSON-LD context documents this process knows: the built-in ones shipped as resources, plus any
 * the application registers (the node's own vocabulary). Nothing else is ever loaded.
 */
public final class ContextRegistry {
    private static final Map<String, String> BUILT_IN = Map.of(
            Contexts.ACTIVITYSTREAMS, "activitystreams.jsonld",
            "http://www.w3.org/ns/activitystreams", "activitystreams.jsonld",
            Contexts.SECURITY_V1, "security-v1.jsonld",
            Contexts.DATA_INTEGRITY_V2, "data-integrity-v2.jsonld",
            Contexts.MULTIKEY_V1, "multikey-v1.jsonld",
            Contexts.OFFENEKOMMUNE_V1, "offenekommune-v1.jsonld");

    private final Map<String, JsonDocument> documents = new ConcurrentHashMap<>();

    private ContextRegistry() {
    }

    public static ContextRegistry withBuiltIns() {
        ContextRegistry registry = new ContextRegistry();
        BUILT_IN.forEach((url, resource) -> registry.documents.put(url, load(url, resource)));
        return registry;
    }

    /**
     * Adds or replaces a context document, e.g. the node's extension of {@code https://offenekommune.de/ns/v1}.
     *
     * @throws IllegalArgumentException when the JSON does not parse
     */
    public ContextRegistry register(String url, String json) {
        try {
            JsonDocument document = JsonDocument.of(new StringReader(json));
            document.setDocumentUrl(java.net.URI.create(url));
            documents.put(url, document);
            return this;
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("context " + url + " does not parse: " + e.getMessage(), e);
        }
    }

    public boolean knows(String url) {
        return documents.containsKey(url);
    }

    public Optional<JsonDocument> document(String url) {
        return Optional.ofNullable(documents.get(url));
    }

    private static JsonDocument load(String url, String resource) {
        try (InputStream in = ContextRegistry.class.getResourceAsStream("/de/offenekommune/federation/vocab/contexts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in context missing: " + resource);
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(java.net.URI.create(url));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("built-in context " + resource + " does not parse", e);
        }
    }
}
