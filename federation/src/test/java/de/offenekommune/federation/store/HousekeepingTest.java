package de.offenekommune.federation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import de.offenekommune.federation.testing.TestPostgres;

class HousekeepingTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void purgesOnlyFinishedAndOldRows() throws Exception {
        try (var db = TestPostgres.newDatabase("housekeeping")) {
            FederationSchema.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("""
                        INSERT INTO fed_outbound_activity (id, activity_id, sender_actor, body, created_at) VALUES
                          (1, 'https://t.example/a/1', 'https://t.example/actor', '\\x7b7d', '2026-10-01T00:00:00Z'),
                          (2, 'https://t.example/a/2', 'https://t.example/actor', '\\x7b7d', '2026-11-26T00:00:00Z')""");
                st.execute("""
                        INSERT INTO fed_delivery (activity, inbox, host, state, next_attempt_at, created_at, finished_at) VALUES
                          (1, 'https://old.example/inbox', 'old.example', 'delivered', '2026-10-01', '2026-10-01', '2026-10-01'),
                          (2, 'https://new.example/inbox', 'new.example', 'delivered', '2026-11-26', '2026-11-26', '2026-11-26'),
                          (2, 'https://slow.example/inbox', 'slow.example', 'queued', '2026-11-28', '2026-10-01', NULL)""");
                st.execute("""
                        INSERT INTO fed_inbox_activity (activity_id, type, actor, signer_key, body, received_at, state, next_attempt_at) VALUES
                          ('https://m.example/1', 'Like', 'https://m.example/u', 'k', '{}', '2026-09-01', 'processed', '2026-09-01'),
                          ('https://m.example/2', 'Like', 'https://m.example/u', 'k', '{}', '2026-11-20', 'processed', '2026-11-20'),
                          ('https://m.example/3', 'Like', 'https://m.example/u', 'k', '{}', '2026-09-01', 'received', '2026-09-01')""");
            }
            var purged = new Housekeeping(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC)).runOnce();
            assertEquals(1, purged.deliveries());
            assertEquals(1, purged.inboxActivities(), "unprocessed activities are never purged");
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                var rs = st.executeQuery("SELECT (SELECT count(*) FROM fed_outbound_activity), "
                        + "(SELECT count(*) FROM fed_delivery), (SELECT count(*) FROM fed_inbox_activity)");
                rs.next();
                assertEquals(1, rs.getInt(1), "the body without deliveries went too");
                assertEquals(2, rs.getInt(2));
                assertEquals(2, rs.getInt(3));
            }
        }
    }
}
