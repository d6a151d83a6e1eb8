package de.offenekommune.node.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.testing.TestPostgres;

/** {@link Sql} and {@link Row} on a real PostgreSQL: parameters, column types, transactions. */
class SqlTest {
    private enum Colour { GREEN }

    private static TestPostgres.TestDatabase db;
    private Sql sql;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase("sql");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void table() {
        sql = new Sql(db.dataSource());
        sql.update("DROP TABLE IF EXISTS item");
        sql.update("""
                CREATE TABLE item (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text UNIQUE, colour text,
                                   at timestamptz, day date, tags text[], ref uuid, data bytea, n int, ok boolean)""");
    }

    @Test
    void parametersAndColumnsKeepTheirTypes() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID ref = UUID.randomUUID();
        sql.update("""
                INSERT INTO item (name, colour, at, day, tags, ref, data, n, ok)
                VALUES (?, ?, ?, ?, CAST(? AS text[]), CAST(? AS uuid), ?, ?, ?)""",
                "a \"quoted\" name", Colour.GREEN, at, LocalDate.of(2026, 11, 27), PgArrays.texts(List.of("x", "y,z")),
                ref.toString(), new byte[] {1, 2}, 7, true);
        Row row = sql.one("SELECT * FROM item", r -> r, new Object[0]).orElseThrow();
        assertEquals("a \"quoted\" name", row.str("name"));
        assertEquals(Colour.GREEN, row.enumOf(Colour.class, "colour"));
        assertEquals(at, row.instant("at"));
        assertEquals(LocalDate.of(2026, 11, 27), row.date("day"));
        assertEquals(List.of("x", "y,z"), row.strings("tags"));
        assertEquals(ref, row.uuid("ref"));
        assertEquals(2, row.bytes("data").length);
        assertEquals(7, row.integer("n"));
        assertTrue(row.bool("ok"));
        assertEquals(1, row.lng(1));
    }

    @Test
    void nullsAndEmptyOptionalsAreNull() {
        sql.update("INSERT INTO item (name, colour, at) VALUES (?, ?, ?)", "b", Optional.empty(), null);
        Row row = sql.one("SELECT colour, at, n FROM item WHERE name = ?", r -> r, "b").orElseThrow();
        assertNull(row.str("colour"));
        assertNull(row.instant("at"));
        assertNull(row.intOrNull("n"));
        assertEquals(0, row.integer("n"));
    }

    @Test
    void aRepeatedColumnNameMeansTheLastAndAnUnknownOneIsAnError() {
        sql.update("INSERT INTO item (name, n) VALUES ('c', 3)");
        Row row = sql.one("SELECT n AS v, name AS v FROM item", r -> r).orElseThrow();
        assertEquals("c", row.str("v"));
        assertThrows(IllegalArgumentException.class, () -> row.str("missing"));
        assertThrows(IndexOutOfBoundsException.class, () -> row.lng(3));
    }

    @Test
    void listsKeepTheOrderAndCountsCount() {
        for (String name : List.of("b", "a", "c")) {
            sql.update("INSERT INTO item (name) VALUES (?)", name);
        }
        assertEquals(List.of("a", "b", "c"), sql.list("SELECT name FROM item ORDER BY name", r -> r.str("name")));
        assertEquals(3, sql.count("SELECT count(*) FROM item"));
        assertTrue(sql.exists("SELECT 1 FROM item WHERE name = ?", "a"));
        assertFalse(sql.exists("SELECT 1 FROM item WHERE name = ?", "z"));
        assertEquals(2, sql.update("DELETE FROM item WHERE name <> ?", "a"));
    }

    @Test
    void aTransactionCommitsAllThenRunsItsHooks() {
        List<String> ran = new ArrayList<>();
        long id = sql.inTransaction(tx -> {
            long created = tx.one("INSERT INTO item (name) VALUES ('t') RETURNING id", r -> r.lng("id")).orElseThrow();
            tx.afterCommit(() -> ran.add("hook"));
            // A nested call joins: it sees the uncommitted row.
            tx.runInTransaction(inner -> assertTrue(inner.exists("SELECT 1 FROM item WHERE id = ?", created)));
            assertTrue(ran.isEmpty(), "hooks wait for the commit");
            return created;
        });
        assertEquals(List.of("hook"), ran);
        assertTrue(sql.exists("SELECT 1 FROM item WHERE id = ?", id));
    }

    @Test
    void aFailingTransactionLeavesNothingAndRunsNoHook() {
        List<String> ran = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sql.runInTransaction(tx -> {
            tx.update("INSERT INTO item (name) VALUES ('gone')");
            tx.afterCommit(() -> ran.add("hook"));
            throw new IllegalStateException("refused");
        }));
        assertEquals("refused", e.getMessage());
        assertEquals(0, sql.count("SELECT count(*) FROM item"));
        assertTrue(ran.isEmpty());
    }

    @Test
    void aFailingStatementNamesItselfAndRollsBackItsTransaction() {
        sql.update("INSERT INTO item (name) VALUES ('dup')");
        SqlException e = assertThrows(SqlException.class, () -> sql.runInTransaction(tx -> {
            tx.update("INSERT INTO item (name) VALUES ('first')");
            tx.update("INSERT INTO item (name) VALUES ('dup')");
        }));
        assertTrue(e.getMessage().contains("INSERT INTO item (name) VALUES ('dup')"), e.getMessage());
        assertFalse(sql.exists("SELECT 1 FROM item WHERE name = 'first'"));
        // The pooled connection went back usable (autocommit on again).
        sql.update("INSERT INTO item (name) VALUES ('after')");
        assertTrue(sql.exists("SELECT 1 FROM item WHERE name = 'after'"));
    }
}
