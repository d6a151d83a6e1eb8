package de.offenekommune.verification.key;

import java.net.URI;
import java.util.Locale;

/**
 * The web origin of a URI (scheme, host, port), the unit of authority in the fediverse's origin-based security model
 * (FEP-fe34): a server speaks only for the documents and keys under its own origin.
 */
public record Origin(String scheme, String host, int port) {
    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
        return new Origin(scheme, host, port);
    }

    public static boolean same(URI a, URI b) {
        Origin first = of(a);
        return !first.host().isEmpty() && first.equals(of(b));
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }
}
