package de.offenekommune.federation.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts are compared after real URL parsing and normalisation (CVE-2023-42451 class). */
class OriginTest {

    @ParameterizedTest
    @CsvSource({
        "https://example.org/users/a, https://EXAMPLE.org./notes/1",
        "https://example.org/users/a, https://example.org:8443/x",
        "https://bücher.example/u, https://xn--bcher-kva.example/n",
        "http://[::1]:80/a, http://[0:0:0:0:0:0:0:1]/b"
    })
    void sameHostAfterNormalisation(String a, String b) {
        assertTrue(Origin.sameHost(a, b));
    }

    @ParameterizedTest
    @CsvSource({
        "https://example.org/users/a, https://example.org.evil.example/x",
        "https://example.org/users/a, https://evil.example/example.org/x",
        "https://example.org/users/a, https://evilexample.org/x",
        "https://example.org/users/a, https://exаmple.org/x"
    })
    void differentHostsStayDifferent(String a, String b) {
        assertFalse(Origin.sameHost(a, b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user@example.org/", "https://user:pw@example.org/", "ftp://example.org/",
        "javascript:alert(1)", "/relative", "https:///nohost", "", "mailto:a@example.org"})
    void unusableUrlsAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> Origin.of(url));
        assertFalse(Origin.isHttpUrl(url));
    }

    @Test
    void authorityOmitsDefaultPorts() {
        assertEquals("example.org", Origin.of("https://Example.org:443/a").authority());
        assertEquals("example.org:8080", Origin.of("http://example.org:8080/a").authority());
        assertEquals("xn--bcher-kva.example:8443", Origin.of("https://bücher.example:8443/a").authority());
    }
}
