package de.offenekommune.node.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser submitting forms: it reads the CSRF token
 * from the page it is on and sends it back. Redirects are not followed, so tests see the 303s.
 */
public final class TestBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String lastCsrf;
    private String lastFormKey;

    TestBrowser(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return get(path, "text/html");
    }

    public Response get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return send(request);
    }

    /** Opens {@code pagePath} (for its CSRF token), then submits the form fields to {@code action}. */
    public Response submit(String pagePath, String action, Map<String, String> fields) {
        Response page = get(pagePath);
        if (page.status() >= 400) {
            throw new AssertionError("form page " + pagePath + " answered " + page.status());
        }
        return post(action, withCsrf(fields));
    }

    /** Posts a form with the CSRF token of the last page seen. */
    public Response post(String action, Map<String, String> fields) {
        return postRaw(action, "application/x-www-form-urlencoded", encode(fields));
    }

    public Response postRaw(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    public Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (lastCsrf != null) {
            all.putIfAbsent("_csrf", lastCsrf);
        }
        if (lastFormKey != null) {
            all.putIfAbsent("key", lastFormKey);
        }
        return all;
    }

    public String csrf() {
        return lastCsrf;
    }

    /** The one-time key of the create form on the last page fetched (null if it had none), as a browser sends it. */
    public String formKey() {
        return lastFormKey;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Shares this browser's cookies with another node (same host, other port: browsers send them). */
    public CookieManager cookieManager() {
        return cookies;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                lastCsrf = m.group(1);
            }
            if (request.method().equals("GET")) {
                Matcher key = FORM_KEY.matcher(response.body());
                lastFormKey = key.find() ? key.group(1) : null;
            }
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Signs in with e-mail and password; asserts the redirect that means success. */
    public TestBrowser signIn(String email, String password) {
        Response r = submit("/anmelden", "/anmelden", Map.of("email", email, "password", password));
        if (r.status() != 303) {
            throw new AssertionError("sign-in of " + email + " answered " + r.status());
        }
        return this;
    }
}
