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
 * records its SQL. Background workers (mail outbox, ActivityPub relay, attestation re-check) use the
 * database while pages are served, so tests look at {@link #since(int)}, which skips their statements
 * ({@link #isBackground}).
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

    /**
     * The polling and work of background workers, which may run while a page is served: the mail
     * outbox, the ActivityPub relay and the federation queue it fills, the attestation re-check.
     */
    static boolean isBackground(String sql) {
        return sql.contains("mail_outbox") || sql.contains("relayed_at IS NULL AND not_before <=")
                || sql.contains("UPDATE ap_activity SET relayed_at") || sql.contains("fed_")
                || sql.contains("FROM verification_remote_status WHERE next_check_at");
    }
}
