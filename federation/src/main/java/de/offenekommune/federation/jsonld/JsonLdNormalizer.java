package de.offenekommune.federation.jsonld;

import java.io.StringReader;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Capabilities;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.federation.vocab.MalformedDocumentException;

/**
 * Rewrites a document into the plain ActivityStreams compaction every reader expects, when it is not
 * already in it: prefixed or full-IRI property names ({@code as:actor}), {@code @id}/{@code @type}
 * forms, or inline contexts that redefine core terms. Expands with built-in contexts only, then
 * compacts against ActivityStreams + security. Plain documents (nearly all) skip this: it is slow.
 */
public final class JsonLdNormalizer {
    /** Terms whose meaning the library relies on; an inline context that defines one forces normalisation. */
    private static final Set<String> CORE_TERMS = Set.of("id", "type", "actor", "object", "target", "attributedTo",
            "to", "cc", "bto", "bcc", "audience", "inReplyTo", "inbox", "outbox", "followers", "following", "endpoints",
            "sharedInbox", "publicKey", "publicKeyPem", "owner", "assertionMethod", "controller", "publicKeyMultibase",
            "items", "orderedItems", "first", "next", "partOf", "totalItems", "url", "name", "summary", "content",
            "preferredUsername", "published");

    private final ContextRegistry registry;
    private final BuiltInDocumentLoader loader;
    private final JsonDocument compactionContext;

    public JsonLdNormalizer(ContextRegistry registry) {
        this.registry = registry;
        this.loader = new BuiltInDocumentLoader(registry);
        JsonArray context = Json.createArrayBuilder().add(Contexts.ACTIVITYSTREAMS).add(Contexts.SECURITY_V1)
                .add(Contexts.MULTIKEY_V1)
                .add(Json.createObjectBuilder().add("assertionMethod", Json.createObjectBuilder()
                        .add("@id", "https://w3id.org/security#assertionMethod").add("@type", "@id"))
                        // FEP-844e capabilities keep their short name, as plain documents write it.
                        .add("implements", Json.createObjectBuilder().add("@id", Capabilities.IMPLEMENTS_IRI)
                                .add("@container", "@set")))
                .build();
        this.compactionContext = JsonDocument.of(Json.createObjectBuilder().add("@context", context).build());
    }

    public BuiltInDocumentLoader loader() {
        return loader;
    }

    /** True when the document must be normalised before its property names can be trusted. */
    public boolean needsNormalization(ObjectNode document) {
        JsonNode context = document.get("@context");
        if (context != null && definesCoreTerm(context)) {
            return true;
        }
        return hasUnusualKeys(document, 0);
    }

    /** @throws MalformedDocumentException when the JSON-LD is invalid or needs a context we do not have */
    public ObjectNode normalize(ObjectNode document) {
        ObjectNode input = document.deepCopy();
        input.set("@context", knownContexts(document.get("@context")));
        try {
            JsonStructure structure = Json.createReader(new StringReader(ActivityJson.writeString(input))).read();
            JsonArray expanded = JsonLd.expand(JsonDocument.of(structure)).loader(loader).get();
            if (expanded.size() != 1) {
                throw new MalformedDocumentException("document must describe exactly one node, found " + expanded.size());
            }
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), compactionContext).loader(loader).get();
            return ActivityJson.parse(compacted.toString());
        } catch (JsonLdError e) {
            if (e.getCode() == com.apicatalog.jsonld.JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
                throw new MalformedDocumentException("the document needs a remote context, which is never fetched ("
                        + e.getMessage() + ")", e);
            }
            throw new MalformedDocumentException("JSON-LD: " + e.getCode() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps inline contexts and the URLs we have; drops unknown context URLs (never fetched, so their
     * terms stay undefined) and falls back to ActivityStreams when nothing is left.
     */
    private JsonNode knownContexts(JsonNode context) {
        ArrayNode kept = ActivityJson.mapper().createArrayNode();
        if (context == null || context.isNull()) {
            kept.add(Contexts.ACTIVITYSTREAMS);
            return kept;
        }
        for (JsonNode entry : context.isArray() ? context : kept.arrayNode().add(context)) {
            if (entry.isObject() || entry.isTextual() && registry.knows(entry.asText())) {
                kept.add(entry);
            }
        }
        if (kept.isEmpty() || !kept.get(0).isTextual() || !registry.knows(kept.get(0).asText())) {
            kept.insert(0, Contexts.ACTIVITYSTREAMS);
        }
        return kept;
    }

    private static boolean definesCoreTerm(JsonNode context) {
        if (context.isArray()) {
            for (JsonNode entry : context) {
                if (definesCoreTerm(entry)) {
                    return true;
                }
            }
            return false;
        }
        if (!context.isObject()) {
            return false;
        }
        for (String term : CORE_TERMS) {
            if (context.has(term)) {
                return true;
            }
        }
        return context.has("@vocab") || context.has("@base");
    }

    private static boolean hasUnusualKeys(JsonNode node, int depth) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasUnusualKeys(element, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals("@context")) {
                if (depth > 0) {
                    return true;
                }
                continue;
            }
            if (key.startsWith("@") || key.contains(":")) {
                return true;
            }
            if (hasUnusualKeys(field.getValue(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
