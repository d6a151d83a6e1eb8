package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestNode;

/** Metrics are not public: a bearer token when configured, otherwise only direct requests from this machine. */
class MetricsAccessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void withATokenOnlyTheBearerReadsMetrics() throws Exception {
        try (TestNode node = TestNode.start("Metrikstadt", Map.of("security.metrics-token", "s3cret-scrape-token"))) {
            HttpResponse<String> none = get(node, "/observe/metrics", Map.of());
            assertEquals(401, none.statusCode());
            assertTrue(none.body().contains("security.metrics-token"), none.body());
            assertEquals("Bearer realm=\"metrics\"", none.headers().firstValue("WWW-Authenticate").orElse(""));

            assertEquals(401, get(node, "/observe/metrics", Map.of("Authorization", "Bearer wrong-token")).statusCode());
            assertEquals(401, get(node, "/observe/metrics", Map.of("Authorization", "Basic czNjcmV0")).statusCode());

            HttpResponse<String> ok = get(node, "/observe/metrics",
                    Map.of("Authorization", "Bearer s3cret-scrape-token", "Accept", "text/plain"));
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("# TYPE"), "Prometheus text: " + ok.body().substring(0, 200));

            assertEquals(200, get(node, "/observe/health", Map.of()).statusCode(), "health stays open");
        }
    }

    @Test
    void withoutATokenOnlyDirectLocalRequestsReadMetrics() throws Exception {
        try (TestNode node = TestNode.start("Metrikdorf")) {
            HttpResponse<String> local = get(node, "/observe/metrics", Map.of("Accept", "text/plain"));
            assertEquals(200, local.statusCode());
            assertTrue(local.body().contains("# TYPE"));

            HttpResponse<String> proxied = get(node, "/observe/metrics", Map.of("X-Forwarded-For", "203.0.113.9"));
            assertEquals(403, proxied.statusCode(), "through a local reverse proxy the visitor is not local");
            assertTrue(proxied.body().contains("security.metrics-token"), proxied.body());
            assertEquals(403, get(node, "/observe/metrics", Map.of("Forwarded", "for=203.0.113.9")).statusCode());

            assertEquals(200, get(node, "/", Map.of()).statusCode(), "the node keeps serving");
        }
    }

    private static HttpResponse<String> get(TestNode node, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url(path))).GET();
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
