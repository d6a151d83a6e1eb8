package de.offenekommune.federation.jsonld;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Refuses JSON-LD constructs that restructure a document so that what a plain JSON reader sees
 * differs from what it means: {@code @graph}, {@code @reverse}, {@code @included}, {@code @nest}, in
 * the data or smuggled in through an inline context (aliases, reverse terms, graph containers,
 * {@code @import}). ActivityPub documents need none of them.
 */
public final class DocumentGuard {
    private static final Set<String> FORBIDDEN_KEYWORDS = Set.of("@graph", "@reverse", "@included", "@nest");

    private DocumentGuard() {
    }

    /** The first violation found, or empty. */
    public static Optional<String> violation(JsonNode document) {
        return walk(document, false);
    }

    private static Optional<String> walk(JsonNode node, boolean inContext) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                var v = walk(element, inContext);
                if (v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }
        if (inContext && node.isTextual() && FORBIDDEN_KEYWORDS.contains(node.asText())) {
            return Optional.of("inline context aliases " + node.asText());
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (FORBIDDEN_KEYWORDS.contains(key)) {
                return Optional.of(key + " is not accepted");
            }
            if (inContext && key.equals("@import")) {
                return Optional.of("@import in a context is not accepted");
            }
            if (inContext && key.equals("@container") && field.getValue().toString().contains("@graph")) {
                return Optional.of("graph containers in an inline context are not accepted");
            }
            var v = walk(field.getValue(), inContext || key.equals("@context"));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
