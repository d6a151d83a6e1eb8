package de.offenekommune.node.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import de.offenekommune.node.db.EmbeddedDatabase;

/**
 * The benchmark town's PostgreSQL: the node's own embedded server with its production settings
 * (fsync and synchronous commit on), started once by the driver before any node, so a node's start
 * time never includes it. The driver reads it to seed followers and to count what was stored.
 */
record BenchDatabase(String jdbcUrl, String user, String password, AutoCloseable server) implements AutoCloseable {

    static BenchDatabase embedded(Path dataDir) {
        EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0);
        String admin = server.jdbcUrl();
        try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE town");
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("cannot create the benchmark database: " + e.getMessage(), e);
        }
        return new BenchDatabase("jdbc:postgresql://127.0.0.1:" + server.port() + "/town", "postgres", "postgres",
                server);
    }

    /** The PostgreSQL server process (parent of the backends), for CPU accounting. */
    long serverPid() {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            // While this connection is open its backend lives, and its parent is the server.
            return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Gives the planner statistics of the freshly seeded tables, as autovacuum does in a running town
     * within its next rounds; without them every list query plans for empty tables.
     */
    void analyze() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM ANALYZE: " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
