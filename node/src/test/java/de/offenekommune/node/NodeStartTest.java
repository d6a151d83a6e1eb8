package de.offenekommune.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.DatabaseStartException;
import de.offenekommune.node.demo.DemoSeeder;
import de.offenekommune.node.testing.TestNode;

/**
 * The newcomer path: a demo node on its own embedded PostgreSQL in a data directory shows the demo town,
 * reports healthy, keeps its data across a restart, and refuses a second node on the same directory.
 */
class NodeStartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static NodeConfig demoConfig(Path dataDir, int port) {
        return NodeConfig.from(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of(
                        "server.port", String.valueOf(port),
                        "node.data-dir", dataDir.toString(),
                        "node.demo", "true")))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        String accept = path.startsWith("/observe") ? "application/json, text/plain" : "text/html";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void demoNodeOnEmbeddedPostgresStartsServesAndKeepsDataAcrossRestart(@TempDir Path dataDir) throws Exception {
        int port = TestNode.freePort();
        long accounts;
        String adminLine;
        try (NodeApp app = NodeApp.start(demoConfig(dataDir, port))) {
            HttpResponse<String> home = get(port, "/");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("<html lang=\"de\">"));
            assertTrue(home.body().contains("Musterstadt"), home.body());
            HttpResponse<String> health = get(port, "/observe/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            assertTrue(health.body().contains("\"name\":\"database\",\"status\":\"UP\""), health.body());
            assertEquals(200, get(port, "/observe/metrics").statusCode());

            assertThrows(DatabaseStartException.class, () -> NodeApp.start(demoConfig(dataDir, TestNode.freePort())),
                    "a second node on the same data directory is refused");

            accounts = app.components().sql().count("SELECT count(*) FROM account");
            assertTrue(accounts >= 3, "demo accounts were seeded");
            adminLine = Files.readAllLines(dataDir.resolve("demo-admin.txt")).get(1);
        }
        try (NodeApp again = NodeApp.start(demoConfig(dataDir, port))) {
            assertEquals(accounts, again.components().sql().count("SELECT count(*) FROM account"),
                    "restart keeps the data and does not seed twice");
            String[] parts = adminLine.replace("Admin:", "").trim().split(" / ");
            var browser = new de.offenekommune.node.testing.TestBrowserFactory().at(again.config().baseUrl());
            browser.signIn(parts[0], parts[1]);
            assertTrue(browser.get("/verwaltung").body().contains("href=\"/admin/rollen\""));
            assertTrue(again.components().accounts().byEmail("bauamt@musterstadt.example").isPresent());
            assertEquals(DemoSeeder.DEMO_PASSWORD.length() > 9, true);
        }
    }
}
