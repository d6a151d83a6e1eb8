package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/** Errors are answered with the right status and a message, as a page or as JSON, and the node keeps serving. */
class ErrorPagesTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Fehlerstadt");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void unknownPageIs404InTheVisitorsLanguage() {
        TestBrowser browser = node.browser();
        var html = browser.get("/gibt-es-nicht");
        assertEquals(404, html.status());
        assertTrue(html.body().contains("Diese Seite gibt es nicht."), html.body());
        var json = browser.get("/gibt-es-nicht", "application/json");
        assertEquals(404, json.status());
        assertTrue(json.body().contains("\"status\":404"), json.body());
        assertTrue(json.body().contains("\"error\":\"error.not-found\""), json.body());
    }

    @Test
    void oversizeBodyIs413AndTheNodeKeepsServing() throws Exception {
        // A raw request that announces 3 MB: the node answers 413 from the headers alone. (A client
        // streaming the body may see the connection closed under it instead of reading the answer.)
        try (java.net.Socket socket = new java.net.Socket(node.baseUrl().getHost(), node.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /registrieren HTTP/1.1\r\nHost: " + node.baseUrl().getAuthority()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (3 * 1024 * 1024)
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine.startsWith("HTTP/1.1 413 "), statusLine);
        }
        assertEquals(200, node.browser().get("/").status());
    }

    @Test
    void securityHeadersAreSet() {
        var r = node.browser().get("/");
        assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
    }
}
