package de.offenekommune.federation.uri;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The normalised scheme, host and port of an http(s) URL. Every "same origin?" decision in this
 * library goes through here, never through string prefixes: {@code https://example.org.evil/} and
 * {@code https://example.org@evil/} must not pass as example.org (CVE-2023-42451 class).
 */
public record Origin(String scheme, String host, int port) {

    /**
     * Parses and normalises an absolute http(s) URL: lower-case scheme and host, IDN to ASCII
     * (punycode), trailing dot removed, default port filled in.
     *
     * @throws IllegalArgumentException for other schemes, relative URLs, user info or a missing host
     */
    public static Origin of(String url) {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("empty URL");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        return of(uri);
    }

    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("only http and https URLs are accepted, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URLs with user info are refused");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null || host.isEmpty()) {
            // java.net.URI leaves host and port empty for IDN and some odd authorities; parse them ourselves.
            host = hostFromAuthority(uri.getRawAuthority());
            port = portFromAuthority(uri.getRawAuthority(), host);
        }
        port = port >= 0 ? port : (scheme.equals("https") ? 443 : 80);
        return new Origin(scheme, normaliseHost(host), port);
    }

    /** True when the URL parses as http(s) with a host; never throws. */
    public static boolean isHttpUrl(String url) {
        try {
            of(url);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The normalised host of a URL, or throws like {@link #of(String)}. */
    public static String hostOf(String url) {
        return of(url).host();
    }

    /** Same host after normalisation; ports are ignored as Mastodon does. */
    public boolean sameHost(Origin other) {
        return host.equals(other.host);
    }

    public static boolean sameHost(String urlA, String urlB) {
        return of(urlA).sameHost(of(urlB));
    }

    /** {@code host} or {@code host:port} as used in the Host header and in @authority. */
    public String authority() {
        boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String h = host.contains(":") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }

    static String normaliseHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("URL without host");
        }
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            // One spelling per IPv6 address (::1 and 0:0:0:0:0:0:0:1); a literal never goes to DNS.
            try {
                return java.net.InetAddress.getByName(h.substring(1, h.length() - 1)).getHostAddress().toLowerCase(Locale.ROOT);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an IPv6 address: " + host);
            }
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            throw new IllegalArgumentException("URL without host");
        }
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host is not a valid domain name: " + host);
        }
        return h.toLowerCase(Locale.ROOT);
    }

    private static int portFromAuthority(String authority, String host) {
        String rest = authority.substring(Math.min(authority.length(), host.length()));
        if (!rest.startsWith(":") || rest.length() == 1) {
            return -1;
        }
        try {
            return Integer.parseInt(rest.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + authority);
        }
    }

    private static String hostFromAuthority(String authority) {
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("URL without host");
        }
        if (authority.contains("@")) {
            throw new IllegalArgumentException("URLs with user info are refused");
        }
        String a = authority;
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return a.substring(0, end + 1);
        }
        int colon = a.lastIndexOf(':');
        return colon >= 0 ? a.substring(0, colon) : a;
    }
}
