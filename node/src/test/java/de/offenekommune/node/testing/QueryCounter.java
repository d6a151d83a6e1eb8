package de.offenekommune.node.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Counts the SQL statements a test node executes while serving requests, to show that a page
 * needs a fixed number of queries however much data it shows. It sits in the JDBC layer as a
 * wrapping driver ({@code jdbc:counting:postgresql://...}), so the node's own code is unchanged.
 * Only statements run on virtual threads (Helidon's request threads) count: background workers
 * such as the mail outbox, the inbox dispatcher, the activity relay, the configured follows and the
 * region's loops (virtual threads named as in {@link #BACKGROUND}) and the test's own queries do not
 * blur the figure.
 */
public final class QueryCounter {
    private static final String PREFIX = "jdbc:counting:";
    private static final Map<String, QueryCounter> COUNTERS = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<String> statements = new ArrayList<>();

    /** The URL that routes connections to {@code jdbcUrl} through this counter. */
    String wrap(String jdbcUrl) {
        COUNTERS.put(jdbcUrl, this);
        return PREFIX + jdbcUrl.substring("jdbc:".length());
    }

    public synchronized void reset() {
        statements.clear();
    }

    public synchronized int count() {
        return statements.size();
    }

    /** A mark to count from ({@link #since(int)}). */
    public synchronized int mark() {
        return statements.size();
    }

    /** The statements counted since {@code mark}. */
    public synchronized List<String> since(int mark) {
        return List.copyOf(statements.subList(mark, statements.size()));
    }

    /** The statements counted since the last reset, for failure messages. */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    /** Name prefixes of the node's background threads (polling loops, backfills): not requests. */
    private static final List<String> BACKGROUND = List.of("federation-", "activitypub-", "configured-follows",
            "neighbour-backfill", "region-", "erased-actor-cleanup");

    private void record(String sql) {
        Thread t = Thread.currentThread();
        if (t.isVirtual() && BACKGROUND.stream().noneMatch(t.getName()::startsWith)) {
            synchronized (this) {
                statements.add(sql == null ? "?" : sql.replaceAll("\\s+", " ").strip());
            }
        }
    }

    private static final class CountingDriver implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            String real = "jdbc:" + url.substring(PREFIX.length());
            QueryCounter counter = COUNTERS.get(real);
            Connection connection = DriverManager.getConnection(real, info);
            return counter == null ? connection : proxy(Connection.class, connection, counter, null);
        }

        @Override
        public boolean acceptsURL(String url) {
            return url != null && url.startsWith(PREFIX);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    /** Connections hand out wrapped statements; statements record themselves when executed. */
    private static <T> T proxy(Class<T> type, Object target, QueryCounter counter, String sql) {
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute") && target instanceof Statement) {
                counter.record(sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s
                        ? s : null);
            }
            Object result = invoke(method, target, args);
            if (target instanceof Connection && result instanceof Statement) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> kind = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return proxy(kind, result, counter, prepared);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
