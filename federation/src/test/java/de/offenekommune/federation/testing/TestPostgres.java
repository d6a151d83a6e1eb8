package de.offenekommune.federation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.helidon.dbclient.DbClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import de.offenekommune.federation.store.DataSourceConnectionPool;

/**
 * One real PostgreSQL server per test JVM (embedded, started on first use), and a fresh database on
 * it for every test node or test class. Set {@code OK_TEST_JDBC_URL} (with {@code OK_TEST_DB_USER},
 * {@code OK_TEST_DB_PASSWORD}) to run the same tests against an external PostgreSQL server instead: the
 * URL must name a database the user may connect to and may run CREATE DATABASE from.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestPostgres() {
    }

    /** A handle on one fresh, empty database. */
    public record TestDatabase(String name, String jdbcUrl, String user, String password, HikariDataSource dataSource)
            implements AutoCloseable {
        public DbClient dbClient() {
            return DataSourceConnectionPool.dbClient(dataSource);
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    private record Server(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        String urlFor(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    public static TestDatabase newDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase();
        try (Connection c = java.sql.DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        String url = s.urlFor(name);
        return new TestDatabase(name, url, s.user(), s.password(), dataSource(url, s.user(), s.password()));
    }

    public static HikariDataSource dataSource(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + url.substring(url.lastIndexOf('/') + 1));
        return new HikariDataSource(config);
    }

    public static boolean external() {
        return System.getenv("OK_TEST_JDBC_URL") != null;
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server start() {
        String url = System.getenv("OK_TEST_JDBC_URL");
        if (url != null) {
            return new Server(url, System.getenv().getOrDefault("OK_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("OK_TEST_DB_PASSWORD", ""), null);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster goes with it
                }
            }, "test-postgres-stop"));
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Plain connection for assertions in tests. */
    public static Connection connect(DataSource ds) throws SQLException {
        return ds.getConnection();
    }
}
