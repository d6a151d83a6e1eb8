package de.offenekommune.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/** The {@code verification.*} keys: defaults, trust anchors as one comma-separated value. */
class VerificationConfigTest {

    private static VerificationConfig read(Map<String, String> values) {
        Config config = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(values)).addSource(ConfigSources.classpath("application.yaml"))
                .build();
        return NodeConfig.from(config).verification();
    }

    @Test
    void defaultsTrustOnlyTheNodeItself() {
        VerificationConfig v = read(Map.of());
        assertEquals(Optional.empty(), v.region());
        assertEquals(Set.of(), v.trustAnchors());
        assertEquals(Duration.ofDays(365), v.attestationValidity());
        assertEquals(Duration.ofHours(6), v.recheckInterval());
        assertEquals("https", v.domainCheckScheme());
        assertEquals(0, v.domainCheckPort());
    }

    @Test
    void anchorsAreOneCommaSeparatedValue() {
        Set<URI> expected = Set.of(URI.create("https://a.example/kommune"), URI.create("https://b.example/kommune"));
        assertEquals(Set.of(URI.create("https://a.example/kommune")),
                read(Map.of("verification.trust-anchors", "https://a.example/kommune")).trustAnchors());
        assertEquals(expected, read(Map.of("verification.trust-anchors",
                "https://a.example/kommune, https://b.example/kommune")).trustAnchors());
        assertEquals(Optional.of(URI.create("https://kreis.example/kommune")),
                read(Map.of("verification.region", "https://kreis.example/kommune")).region());
    }

    @Test
    void badValuesStopTheStart() {
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("verification.trust-anchors", "kein-link")));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("verification.domain-check-scheme", "ftp")));
    }
}
