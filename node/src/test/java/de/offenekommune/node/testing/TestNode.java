package de.offenekommune.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import de.offenekommune.federation.testing.TestPostgres;
import de.offenekommune.node.NodeApp;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;

/**
 * A real node for tests: its own fresh database on the shared test PostgreSQL (or the external one
 * named by {@code OK_TEST_JDBC_URL}), a free loopback port, real HTTP. Several can run in one JVM.
 */
public final class TestNode implements AutoCloseable {
    private final NodeApp app;
    private final TestPostgres.TestDatabase database;
    private final Path dataDir;

    private TestNode(NodeApp app, TestPostgres.TestDatabase database, Path dataDir) {
        this.app = app;
        this.database = database;
        this.dataDir = dataDir;
    }

    public static TestNode start(String name) {
        return start(name, Map.of());
    }

    /** @param overrides config keys, e.g. {@code "mail.host" -> "127.0.0.1"} */
    public static TestNode start(String name, Map<String, String> overrides) {
        return start(name, overrides, Clock.systemUTC());
    }

    public static TestNode start(String name, Map<String, String> overrides, Clock clock) {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase(name);
        return startOn(name, db, overrides, clock);
    }

    /** A node whose statements on request threads {@code counter} counts (see {@link QueryCounter}). */
    public static TestNode start(String name, Map<String, String> overrides, QueryCounter counter) {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase(name);
        Map<String, String> all = new HashMap<>(overrides);
        all.put("db.url", counter.wrap(db.jdbcUrl()));
        return startOn(name, db, all, Clock.systemUTC());
    }

    /** A second node process on an existing node's database (scale-out tests). */
    public static TestNode startOnSameDatabase(TestNode other, Map<String, String> overrides) {
        return startOn(other.app.config().name(), other.database, overrides, Clock.systemUTC(), false);
    }

    private static TestNode startOn(String name, TestPostgres.TestDatabase db, Map<String, String> overrides,
                                    Clock clock) {
        return startOn(name, db, overrides, clock, true);
    }

    private static TestNode startOn(String name, TestPostgres.TestDatabase db, Map<String, String> overrides,
                                    Clock clock, boolean ownsDatabase) {
        int port = freePort();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("ok-node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        values.put("server.host", "127.0.0.1");
        values.put("server.port", String.valueOf(port));
        values.put("node.name", name);
        values.put("node.handle", name.toLowerCase().replaceAll("[^a-z0-9]", ""));
        values.put("node.base-url", "http://127.0.0.1:" + port);
        values.put("node.data-dir", dataDir.toString());
        values.put("db.url", db.jdbcUrl());
        values.put("db.user", db.user());
        values.put("db.password", db.password());
        values.put("db.pool-size", "8");
        values.put("security.login-attempts", "50");
        values.put("security.login-attempts-per-address", "100000");
        values.put("security.registrations-per-hour", "100");
        values.put("federation.allow-private-addresses", "true");
        values.putAll(overrides);
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(values))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        NodeApp app = NodeApp.start(NodeConfig.from(config), clock);
        return new TestNode(app, ownsDatabase ? db : null, dataDir);
    }

    public NodeApp app() {
        return app;
    }

    public NodeApp.Components components() {
        return app.components();
    }

    public Sql sql() {
        return app.components().sql();
    }

    public URI baseUrl() {
        return app.config().baseUrl();
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A new browser-like HTTP session (own cookies) against this node. */
    public TestBrowser browser() {
        return new TestBrowser(baseUrl());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        if (database != null) {
            database.close();
        }
    }
}
