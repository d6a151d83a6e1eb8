package de.offenekommune.federation.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TestPostgresTest {
    @Test
    void eachCallGivesASeparateRealDatabase() {
        try (var a = TestPostgres.newDatabase("a"); var b = TestPostgres.newDatabase("b")) {
            assertNotEquals(a.name(), b.name());
            var db = a.dbClient();
            db.execute().dml("CREATE TABLE t (id int primary key, v text)");
            db.execute().insert("INSERT INTO t VALUES (?, ?)", 1, "eins");
            String v = db.execute().get("SELECT v FROM t WHERE id = ?", 1).orElseThrow().column("v").get(String.class);
            assertEquals("eins", v);
            long count = b.dbClient().execute().get("SELECT count(*) AS n FROM pg_tables WHERE tablename = 't'")
                    .orElseThrow().column("n").get(Long.class);
            assertEquals(0, count);
        }
    }
}
