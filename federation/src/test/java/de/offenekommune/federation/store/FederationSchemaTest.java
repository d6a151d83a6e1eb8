package de.offenekommune.federation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import de.offenekommune.federation.testing.TestPostgres;

/** The migrations run once, in a schema that already holds another module's tables and history. */
class FederationSchemaTest {

    @Test
    void migratesBesideOtherTablesAndOnlyOnce() throws Exception {
        try (var db = TestPostgres.newDatabase("schema")) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE node_proposal (id bigint PRIMARY KEY)");
                st.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)");
            }

            int first = FederationSchema.migrate(db.dataSource());
            int second = FederationSchema.migrate(db.dataSource());

            assertEquals(2, first, "V1 core tables, V2 the hosts' Ed25519 column");
            assertEquals(0, second);
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'fed\\_%'")) {
                rs.next();
                assertEquals(9, rs.getInt(1));
            }
        }
    }
}
