package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTest {
    @Test
    void tokensAreBoundToVisitorAndSecret() {
        Csrf csrf = new Csrf(new byte[32]);
        String token = csrf.token("s:abc");
        assertTrue(csrf.valid("s:abc", token));
        assertFalse(csrf.valid("s:abd", token));
        assertFalse(csrf.valid("s:abc", token + "x"));
        assertFalse(csrf.valid("s:abc", null));
        assertFalse(csrf.valid("", token));
        assertFalse(new Csrf(new byte[] {1}).valid("s:abc", token));
    }

    @Test
    void localPathRejectsOpenRedirects() {
        assertEquals("/projekte?x=1", Pages.localPath("/projekte?x=1", "/"));
        for (String bad : new String[] {"//evil.example", "https://evil.example/", "/\\evil", "javascript:alert(1)", ""}) {
            assertEquals("/", Pages.localPath(bad, "/"), bad);
        }
    }
}
