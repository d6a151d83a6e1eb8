package de.offenekommune.federation.sig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import de.offenekommune.federation.uri.Origin;

/** Builds the draft-cavage-12 signing string (section 2.3) from the listed header names. */
public final class CavageSigningString {
    private CavageSigningString() {
    }

    /** @throws IllegalArgumentException when a listed header is absent */
    public static byte[] build(HttpMessage message, List<String> headers, Long created, Long expires) {
        StringBuilder sb = new StringBuilder();
        for (String name : headers) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(name).append(": ").append(value(message, name, created, expires));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(HttpMessage message, String name, Long created, Long expires) {
        return switch (name) {
            case "(request-target)" -> requestTarget(message);
            case "(created)" -> required(created, name);
            case "(expires)" -> required(expires, name);
            case "host" -> message.fields().combined("host").orElseGet(() -> Origin.of(message.targetUri()).authority());
            default -> message.fields().combined(name)
                    .orElseThrow(() -> new IllegalArgumentException("signed header '" + name + "' is missing"));
        };
    }

    private static String requestTarget(HttpMessage message) {
        if (!message.isRequest()) {
            throw new IllegalArgumentException("(request-target) needs a request");
        }
        URI uri = message.targetUri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return message.method().toLowerCase(Locale.ROOT) + " " + path + query;
    }

    private static String required(Long value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is listed but the parameter is missing");
        }
        return Long.toString(value);
    }
}
