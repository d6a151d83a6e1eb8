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
    void oversizeBodyIs413AndTheNodeKeepsServing() {
        TestBrowser browser = node.browser();
        browser.get("/registrieren");
        var r = browser.postRaw("/registrieren", "application/x-www-form-urlencoded", "a=" + "x".repeat(3 * 1024 * 1024));
        assertEquals(413, r.status());
        assertEquals(200, browser.get("/").status());
    }

    @Test
    void securityHeadersAreSet() {
        var r = node.browser().get("/");
        assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
    }
}
