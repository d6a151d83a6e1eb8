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

import de.offenekommune.federation.testing.LoopbackResolver;
import de.offenekommune.federation.testing.TestPostgres;
import de.offenekommune.node.NodeApp;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;

/**
 * A real node for tests: its own fresh database on the shared test PostgreSQL (or the external one
 * named by {@code OK_TEST_JDBC_URL}), a free loopback port, real HTTP. Several can run in one JVM.
 */
public final class TestNode implements AutoCloseable {
    /** Federation traffic of test nodes: {@code *.test} names (WireMock's fake servers) resolve to 127.0.0.1. */
    public static final LoopbackResolver RESOLVER = new LoopbackResolver();
    /** Pseudo config key: the host part of the base URL (the port is chosen here). */
    private static final String BASE_URL_HOST = "test.base-url-host";

    private final NodeApp app;
    private final TestPostgres.TestDatabase database;
    private final Path dataDir;
    private final QueryCounter statements;

    private TestNode(NodeApp app, TestPostgres.TestDatabase database, Path dataDir, QueryCounter statements) {
        this.app = app;
        this.database = database;
        this.dataDir = dataDir;
        this.statements = statements;
    }

    /** A node whose SQL statements on request threads are counted ({@link #statements()}). */
    public static TestNode startCounting(String name, Map<String, String> overrides) {
        return start(name, overrides, new QueryCounter());
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

    /**
     * A node listening on another loopback address (127.0.0.2, ...): nodes of a federation test get
     * different hosts, so origin checks (which ignore ports) tell them apart, as on the real network.
     */
    public static TestNode startAt(String name, String loopbackAddress, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put("server.host", loopbackAddress);
        all.put(BASE_URL_HOST, loopbackAddress);
        return start(name, all);
    }

    /** A node whose statements on request threads {@code counter} counts (see {@link QueryCounter}). */
    public static TestNode start(String name, Map<String, String> overrides, QueryCounter counter) {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase(name);
        Map<String, String> all = new HashMap<>(overrides);
        all.put("db.url", counter.wrap(db.jdbcUrl()));
        return startOn(name, db, all, Clock.systemUTC(), true, counter);
    }

    /** A second node process on an existing node's database (scale-out tests). */
    public static TestNode startOnSameDatabase(TestNode other, Map<String, String> overrides) {
        return startOn(other.app.config().name(), other.database, overrides, Clock.systemUTC(), false, null);
    }

    private static TestNode startOn(String name, TestPostgres.TestDatabase db, Map<String, String> overrides,
                                    Clock clock) {
        return startOn(name, db, overrides, clock, true, null);
    }

    private static TestNode startOn(String name, TestPostgres.TestDatabase db, Map<String, String> overrides,
                                    Clock clock, boolean ownsDatabase, QueryCounter counter) {
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
        values.put("node.base-url", "http://" + overrides.getOrDefault(BASE_URL_HOST, "127.0.0.1") + ":" + port);
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
        NodeApp app = NodeApp.start(NodeConfig.from(config), clock, RESOLVER);
        return new TestNode(app, ownsDatabase ? db : null, dataDir, counter);
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

    /** The statement counter; only for nodes started with {@link #startCounting}. */
    public QueryCounter statements() {
        if (statements == null) {
            throw new IllegalStateException("start the node with startCounting to count statements");
        }
        return statements;
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
