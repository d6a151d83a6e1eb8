package de.offenekommune.node.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Thin, typed access over a Helidon {@link DbExecute} (the client or a running transaction): closes
 * every result stream, converts parameters PostgreSQL's driver does not take as they are
 * ({@link Instant}, enums), and maps rows with a {@link Row} view. Repositories take a {@code Sql} so
 * services can run several of them in one transaction.
 */
public final class Sql {
    private final DbClient client;
    private final DbExecute exec;
    private final List<Runnable> afterCommit;

    public Sql(DbClient client) {
        this(client, client.execute(), null);
    }

    private Sql(DbClient client, DbExecute exec, List<Runnable> afterCommit) {
        this.client = client;
        this.exec = exec;
        this.afterCommit = afterCommit;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row);
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (Stream<DbRow> rows = exec.createQuery(sql).params(convert(params)).execute()) {
            return rows.map(r -> mapper.map(new Row(r))).toList();
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        try (Stream<DbRow> rows = exec.createQuery(sql).params(convert(params)).execute()) {
            return rows.findFirst().map(r -> mapper.map(new Row(r)));
        }
    }

    public long count(String sql, Object... params) {
        return one(sql, r -> r.lng(1), params).orElse(0L);
    }

    public boolean exists(String sql, Object... params) {
        return one(sql, r -> Boolean.TRUE, params).isPresent();
    }

    /** INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public long update(String sql, Object... params) {
        return exec.createDmlStatement(sql).params(convert(params)).execute();
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     * Nested calls join the outer transaction.
     */
    public <T> T inTransaction(Function<Sql, T> work) {
        if (exec instanceof DbTransaction) {
            return work.apply(this);
        }
        DbTransaction tx = client.transaction();
        List<Runnable> hooks = new java.util.ArrayList<>();
        try {
            T result = work.apply(new Sql(client, tx, hooks));
            tx.commit();
            hooks.forEach(Runnable::run);
            return result;
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
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

    private static List<Object> convert(Object[] params) {
        Object[] out = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                out[i] = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            } else if (p instanceof Enum<?> e) {
                out[i] = e.name();
            } else if (p instanceof Optional<?> o) {
                out[i] = o.orElse(null);
            } else {
                out[i] = p;
            }
        }
        return java.util.Arrays.asList(out);
    }
}
