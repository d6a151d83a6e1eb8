package de.offenekommune.node.activitypub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import de.offenekommune.federation.jsonld.ContextRegistry;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;

/**
 * The project's JSON-LD context, {@value Contexts#OFFENEKOMMUNE_V1}: one definition (the resource
 * {@code activitypub/offenekommune-v1.jsonld}), registered with the federation library's context
 * registry, served by every node at {@code /ns/v1}, and the source of the small inline context each
 * outgoing document carries. Inline, because many servers cannot load a context URL; each document
 * carries only the terms it uses, and never a term ActivityStreams itself defines.
 */
public final class ApContext {
    private static final String RESOURCE = "/activitypub/offenekommune-v1.jsonld";
    private static final List<String> PREFIXES = List.of("ok", "toot", "mz", "schema");

    private final String json;
    private final ObjectNode terms;

    private ApContext(String json, ObjectNode terms) {
        this.json = json;
        this.terms = terms;
    }

    public static ApContext load() {
        try (InputStream in = ApContext.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ObjectNode all = (ObjectNode) ActivityJson.parse(text).get("@context");
            // "updated" is the revocation list's own term; in ActivityStreams documents AS defines it.
            ObjectNode usable = all.deepCopy();
            usable.remove("updated");
            return new ApContext(text, usable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context document as served at {@code /ns/v1}. */
    public String json() {
        return json;
    }

    /** Every term of the definition (for documentation tests). */
    public ObjectNode terms() {
        return terms.deepCopy();
    }

    /** Replaces the federation library's placeholder with the full definition. */
    public void registerIn(ContextRegistry registry) {
        registry.register(Contexts.OFFENEKOMMUNE_V1, json);
    }

    /** {@code ["https://www.w3.org/ns/activitystreams", {terms used}]}, or just the AS URL. */
    public JsonNode contextFor(JsonNode document) {
        ObjectNode inline = inlineFor(document);
        if (inline.isEmpty()) {
            return TextNode.valueOf(Contexts.ACTIVITYSTREAMS);
        }
        ArrayNode context = ActivityJson.mapper().createArrayNode().add(Contexts.ACTIVITYSTREAMS);
        context.add(inline);
        return context;
    }

    /** The terms of our definition that appear as keys or types in the document, with their prefixes. */
    public ObjectNode inlineFor(JsonNode document) {
        Set<String> used = new LinkedHashSet<>();
        collect(document, used);
        ObjectNode inline = ActivityJson.newObject();
        Set<String> prefixes = new LinkedHashSet<>();
        for (String term : used) {
            JsonNode definition = terms.get(term);
            if (definition != null && !PREFIXES.contains(term)) {
                prefixes.addAll(prefixesOf(definition));
            }
        }
        for (String prefix : PREFIXES) {
            if (prefixes.contains(prefix)) {
                inline.set(prefix, terms.get(prefix));
            }
        }
        for (String term : used) {
            if (terms.has(term) && !PREFIXES.contains(term)) {
                inline.set(term, terms.get(term));
            }
        }
        return inline;
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("@context")) {
                    continue;
                }
                used.add(field.getKey());
                if (field.getKey().equals("type") && field.getValue().isTextual()) {
                    used.add(field.getValue().asText());
                }
                collect(field.getValue(), used);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, used));
        }
    }

    private static Set<String> prefixesOf(JsonNode definition) {
        Set<String> found = new LinkedHashSet<>();
        if (definition.isTextual()) {
            addPrefix(definition.asText(), found);
        } else {
            definition.forEach(value -> {
                if (value.isTextual()) {
                    addPrefix(value.asText(), found);
                }
            });
        }
        return found;
    }

    private static void addPrefix(String value, Set<String> found) {
        int colon = value.indexOf(':');
        if (colon > 0 && PREFIXES.contains(value.substring(0, colon))) {
            found.add(value.substring(0, colon));
        }
    }
}
