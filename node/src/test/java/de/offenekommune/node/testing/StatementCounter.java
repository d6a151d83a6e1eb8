package de.offenekommune.node.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * Counts the SQL statements a node prepares, for tests that prove a page loads in a bounded number
 * of queries. Wraps the DataSource the node's DbClient uses ({@link TestNode.Options#countStatements});
 * every {@code prepareStatement}/{@code prepareCall}/{@code createStatement} call on a connection
 * records its SQL. The mail outbox worker and the relay poll the database in the background, so tests look at
 * {@link #since(int)} and skip its statements ({@link #isBackground}).
 */
public final class StatementCounter {
    private final List<String> statements = new CopyOnWriteArrayList<>();

    public DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c && method.getName().equals("getConnection")
                            ? connection(c) : result;
                });
    }

    private Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall")) {
                statements.add((String) args[0]);
            } else if (name.equals("createStatement")) {
                statements.add("<statement>");
            }
            return invoke(target, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A mark to count from. */
    public int mark() {
        return statements.size();
    }

    /** The statements prepared since {@code mark}, without the background workers' polling. */
    public List<String> since(int mark) {
        return statements.subList(mark, statements.size()).stream().filter(s -> !isBackground(s)).toList();
    }

    static boolean isBackground(String sql) {
        // the mail outbox worker, and the ActivityPub relay polling for due activities every second
        return sql.contains("mail_outbox") || sql.contains("WHERE relayed_at IS NULL AND not_before");
    }
}
