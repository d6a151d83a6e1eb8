package de.offenekommune.federation.sig;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.offenekommune.federation.uri.Origin;

/** Derives the values of RFC 9421 components (section 2) from a message. */
final class SignatureComponents {
    private SignatureComponents() {
    }

    /**
     * The lines of the signature base for one component; a query parameter may give several.
     *
     * @throws IllegalArgumentException when the component is absent or not supported
     */
    static List<String> values(HttpMessage message, StructuredFields.Item component) {
        if (!(component.value() instanceof String name)) {
            throw new IllegalArgumentException("component identifiers are strings");
        }
        Map<String, Object> params = component.params();
        if (name.startsWith("@")) {
            return derived(message, name, params);
        }
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("component parameters " + params.keySet() + " are not supported");
        }
        return List.of(message.fields().combined(name)
                .orElseThrow(() -> new IllegalArgumentException("covered field '" + name + "' is missing")));
    }

    private static List<String> derived(HttpMessage message, String name, Map<String, Object> params) {
        if (name.equals("@status")) {
            if (message.isRequest()) {
                throw new IllegalArgumentException("@status is only defined for responses");
            }
            return List.of(Integer.toString(message.status()));
        }
        if (!message.isRequest()) {
            throw new IllegalArgumentException(name + " is only defined for requests");
        }
        URI uri = message.targetUri();
        return switch (name) {
            case "@method" -> List.of(message.method());
            case "@target-uri" -> List.of(uri.toString());
            case "@authority" -> List.of(Origin.of(uri).authority());
            case "@scheme" -> List.of(uri.getScheme().toLowerCase(Locale.ROOT));
            case "@request-target" -> List.of(path(uri) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            case "@path" -> List.of(path(uri));
            case "@query" -> List.of("?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery()));
            case "@query-param" -> queryParam(uri, params);
            default -> throw new IllegalArgumentException("derived component " + name + " is not supported");
        };
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static List<String> queryParam(URI uri, Map<String, Object> params) {
        if (!(params.get("name") instanceof String wanted)) {
            throw new IllegalArgumentException("@query-param needs a name parameter");
        }
        List<String> values = new ArrayList<>();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(wanted)) {
                values.add(encode(eq < 0 ? "" : decode(pair.substring(eq + 1))));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("query parameter '" + wanted + "' is missing");
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but unreserved characters, as RFC 9421 section 2.2.8 asks. */
    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
