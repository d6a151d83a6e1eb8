package de.offenekommune.federation.sig;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the RFC 9421 signature base (section 2.5) for a list of covered components. */
public final class Rfc9421SignatureBase {
    private Rfc9421SignatureBase() {
    }

    /**
     * @throws IllegalArgumentException when a component is missing, repeated or unsupported
     */
    public static byte[] build(HttpMessage message, List<StructuredFields.Item> components, Map<String, Object> params) {
        StringBuilder base = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (StructuredFields.Item component : components) {
            String identifier = StructuredFields.serializeItem(component);
            if (!seen.add(identifier)) {
                throw new IllegalArgumentException("component " + identifier + " is covered twice");
            }
            for (String value : SignatureComponents.values(message, component)) {
                base.append(identifier).append(": ").append(value).append('\n');
            }
        }
        base.append("\"@signature-params\": ").append(StructuredFields.serializeInnerList(components, params));
        return base.toString().getBytes(StandardCharsets.UTF_8);
    }
}
