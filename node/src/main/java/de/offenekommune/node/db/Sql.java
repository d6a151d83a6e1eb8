package de.offenekommune.node.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Thin, typed JDBC over the node's pool: a statement per call (or the running transaction's
 * connection), parameters PostgreSQL's driver does not take as they are converted ({@link Instant},
 * enums, {@link Optional}), rows read once into a {@link Row}. Repositories take a {@code Sql} so
 * services can run several of them in one transaction.
 *
 * <p>Plain JDBC rather than Helidon's DbClient: DbClient builds column metadata (a class lookup per
 * column) for every row it returns, which cost more than the queries themselves on list pages (see
 * docs/performance.md).
 */
public final class Sql {
    private final DataSource dataSource;
    private final Connection transaction;
    private final List<Runnable> afterCommit;

    public Sql(DataSource dataSource) {
        this(dataSource, null, null);
    }

    private Sql(DataSource dataSource, Connection transaction, List<Runnable> afterCommit) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.afterCommit = afterCommit;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return execute(sql, params, st -> {
            try (ResultSet rs = st.executeQuery()) {
                Row.Columns columns = Row.Columns.of(rs.getMetaData());
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(Row.read(rs, columns)));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return execute(sql, params, st -> {
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.ofNullable(mapper.map(Row.read(rs, Row.Columns.of(rs.getMetaData()))));
            }
        });
    }

    public long count(String sql, Object... params) {
        return one(sql, r -> r.lng(1), params).orElse(0L);
    }

    public boolean exists(String sql, Object... params) {
        return one(sql, r -> Boolean.TRUE, params).isPresent();
    }

    /** INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public long update(String sql, Object... params) {
        return execute(sql, params, PreparedStatement::executeLargeUpdate);
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     * Nested calls join the outer transaction.
     */
    public <T> T inTransaction(Function<Sql, T> work) {
        if (transaction != null) {
            return work.apply(this);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Runnable> hooks = new ArrayList<>();
            T result;
            try {
                result = work.apply(new Sql(dataSource, c, hooks));
                c.commit();
            } catch (RuntimeException | Error | SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            hooks.forEach(Runnable::run);
            return result;
        } catch (SQLException e) {
            throw new SqlException("transaction failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} once the current transaction has committed (e.g. wake a worker for rows it
     * wrote); outside a transaction, right away. Not run on rollback.
     */
    public void afterCommit(Runnable action) {
        if (afterCommit == null) {
            action.run();
        } else {
            afterCommit.add(action);
        }
    }

    public void runInTransaction(java.util.function.Consumer<Sql> work) {
        inTransaction(sql -> {
            work.accept(sql);
            return null;
        });
    }

    private <T> T execute(String sql, Object[] params, Work<T> work) {
        try {
            if (transaction != null) {
                return prepared(transaction, sql, params, work);
            }
            try (Connection c = dataSource.getConnection()) {
                return prepared(c, sql, params, work);
            }
        } catch (SQLException e) {
            throw new SqlException(e.getMessage() + " [" + abbreviate(sql) + "]", e);
        }
    }

    private static <T> T prepared(Connection c, String sql, Object[] params, Work<T> work) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                bind(st, i + 1, params[i]);
            }
            return work.run(st);
        }
    }

    private static void bind(PreparedStatement st, int index, Object value) throws SQLException {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        switch (v) {
            case null -> st.setNull(index, Types.NULL);
            case String s -> st.setString(index, s);
            case Instant instant -> st.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            case Enum<?> e -> st.setString(index, e.name());
            default -> st.setObject(index, v);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
