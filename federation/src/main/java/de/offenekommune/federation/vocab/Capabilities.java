package de.offenekommune.federation.vocab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * FEP-844e capability discovery: an {@code Application} lists what it implements as Links in
 * {@code implements}; any other actor carries that list in a partial {@code generator} Application.
 * Used for one decision: whether a host verifies RFC 9421 signatures made with Ed25519.
 */
public final class Capabilities {
    /** RFC 9421 HTTP Message Signatures. */
    public static final String RFC9421 = "https://datatracker.ietf.org/doc/html/rfc9421";
    /** RFC 9421 signatures with Ed25519 ({@code alg="ed25519"}), as named in the FEP-844e registry. */
    public static final String RFC9421_ED25519 = "https://datatracker.ietf.org/doc/html/rfc9421#name-eddsa-using-curve-edwards25";
    /** The term's IRI, for the inline context of documents that use it. */
    public static final String IMPLEMENTS_IRI = "https://w3id.org/fep/844e#implements";

    /** What our documents advertise. */
    public static final List<Capability> OURS = List.of(new Capability(RFC9421, "RFC-9421: HTTP Message Signatures"),
            new Capability(RFC9421_ED25519, "RFC-9421 signatures using the Ed25519 algorithm"));

    /** One entry of {@code implements}. */
    public record Capability(String href, String name) {
    }

    private Capabilities() {
    }

    /** The hrefs an actor document advertises, from {@code implements} or {@code generator.implements}. */
    public static Set<String> of(JsonNode actor) {
        Set<String> hrefs = new LinkedHashSet<>();
        collect(actor, hrefs);
        JsonNode generator = actor.get("generator");
        if (generator != null && generator.isObject()) {
            collect(generator, hrefs);
        }
        return hrefs;
    }

    /** The {@code implements} array for these capabilities. */
    public static ArrayNode links(List<Capability> capabilities) {
        ArrayNode links = ActivityJson.mapper().createArrayNode();
        for (Capability c : capabilities) {
            links.addObject().put("type", "Link").put("href", c.href()).put("name", c.name());
        }
        return links;
    }

    /** From {@code implements}, or its full IRI where a document was compacted without the term. */
    private static void collect(JsonNode holder, Set<String> hrefs) {
        JsonNode value = holder.has("implements") ? holder.get("implements") : holder.get(IMPLEMENTS_IRI);
        if (value == null) {
            return;
        }
        for (JsonNode link : value.isArray() ? value : List.of(value)) {
            String href = link.isTextual() ? link.asText() : JsonValues.text(link, "href");
            if (href != null) {
                hrefs.add(href);
            }
        }
    }

    /** A term definition for {@code implements}, for documents that cannot name the FEP's context URL. */
    static ObjectNode term() {
        ObjectNode definition = ActivityJson.newObject();
        definition.putObject("implements").put("@id", IMPLEMENTS_IRI).put("@container", "@set");
        return definition;
    }
}
