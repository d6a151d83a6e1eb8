package de.offenekommune.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import de.offenekommune.node.testing.TestNode;

/**
 * Region settings: members and neighbours as lists (YAML) or indexed keys (environment, tests); the
 * tile server's origin for the CSP; a node refuses to start with a wrong district, an unknown member
 * key, a malformed member handle, or members on a town.
 */
class RegionConfigTest {

    private static NodeConfig parse(String yaml, Map<String, String> overrides) {
        return NodeConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.create(yaml, io.helidon.common.media.type.MediaTypes.APPLICATION_X_YAML))
                .addSource(ConfigSources.classpath("application.yaml")).build());
    }

    @Test
    void membersAndNeighboursFromYamlOrIndexedKeys() {
        NodeConfig yaml = parse("""
                node:
                  kind: region
                region:
                  members:
                    - ags: "09184119"
                      handle: "garching@beteiligung.garching.de"
                  map:
                    tiles: "http://127.0.0.1:9999/{z}/{x}/{y}.png"
                neighbours:
                  follow: ["a@b.de", "c@d.de:8443"]
                """, Map.of());
        RegionConfig r = yaml.regionSettings();
        assertEquals(List.of(new RegionConfig.Member("09184119", "garching@beteiligung.garching.de")), r.members());
        assertEquals(List.of("a@b.de", "c@d.de:8443"), r.follow());
        assertEquals("http://127.0.0.1:9999", r.tileOrigin().orElseThrow());
        assertEquals(Duration.ofMinutes(15), r.figuresInterval());
        assertEquals("region", yaml.demoData(), "a region seeds its own demo data by default");
        NodeConfig indexed = parse("node:\n  name: X\n", Map.of("region.members.0.ags", "09184112",
                "region.members.0.handle", "aschheim@127.0.0.1:8081", "neighbours.follow.0", "x@y.de"));
        assertEquals("09184112", indexed.regionSettings().members().getFirst().ags());
        assertEquals(List.of("x@y.de"), indexed.regionSettings().follow());
        assertTrue(indexed.regionSettings().tileOrigin().isEmpty());
        assertEquals("musterstadt", indexed.demoData());
        assertThrows(IllegalArgumentException.class, () -> parse("region:\n  map:\n    tiles: \"javascript:x\"\n",
                Map.of()));
        assertThrows(IllegalArgumentException.class, () -> parse("node:\n  demo-data: atlantis\n", Map.of()));
    }

    private static Map<String, String> region(String... keyValues) {
        Map<String, String> config = new HashMap<>(Map.of("node.kind", "region", "node.ags", "09184"));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    @Test
    void wrongRegionSettingsStopTheStart() {
        assertThrows(IllegalArgumentException.class, () -> TestNode.start("Falsch", region("node.ags", "09184119")),
                "a municipality key is no district");
        assertThrows(IllegalArgumentException.class, () -> TestNode.start("Falsch", region("node.ags", "09998")));
        assertThrows(IllegalArgumentException.class, () -> TestNode.start("Falsch", region(
                "region.members.0.ags", "09184999", "region.members.0.handle", "x@y.de")), "unknown member key");
        assertThrows(IllegalArgumentException.class, () -> TestNode.start("Falsch", region(
                "region.members.0.ags", "09184119", "region.members.0.handle", "keine adresse")));
        assertThrows(IllegalArgumentException.class, () -> TestNode.start("Falsch", Map.of(
                "region.members.0.ags", "09184119", "region.members.0.handle", "x@y.de")), "members on a town");
    }

    @Test
    void aConfiguredTileServerIsAllowedByTheContentSecurityPolicy() {
        try (TestNode node = TestNode.start("Kartenregion", region("region.map.tiles",
                "http://127.0.0.1:9999/{z}/{x}/{y}.png"))) {
            String csp = node.browser().get("/region/karte").header("Content-Security-Policy");
            assertTrue(csp.contains("img-src 'self' data: https: http://127.0.0.1:9999;"), csp);
            assertTrue(csp.contains("script-src 'self';"), "still no inline script: " + csp);
            assertTrue(node.browser().get("/region/karte").body()
                    .contains("data-tiles=\"http://127.0.0.1:9999/{z}/{x}/{y}.png\""));
        }
    }
}
