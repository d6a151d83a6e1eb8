package de.offenekommune.node.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.testing.TestPostgres;

/** One vocabulary for projects and proposals: parsing, and the migration of the proposals' old values. */
class TopicTest {

    @Test
    void namesCodesAndTheOldProposalValuesAllNameTheSameTopic() {
        assertEquals(Optional.of(Topic.TRANSPORT), Topic.parse("TRANSPORT"));
        assertEquals(Optional.of(Topic.TRANSPORT), Topic.parse("verkehr"));
        assertEquals(Optional.of(Topic.TRANSPORT), Topic.parse("VERKEHR"), "old proposal links");
        assertEquals(Optional.of(Topic.SOCIAL), Topic.parse(" soziales "));
        assertEquals(Optional.of(Topic.HEALTH), Topic.byCode("gesundheit"));
        assertEquals(Optional.empty(), Topic.byCode("GESUNDHEIT"), "URL codes are exact");
        for (String bad : new String[] {null, "", " ", "fussball", "transport_", "TRANSPORT,UMWELT"}) {
            assertEquals(Optional.empty(), Topic.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void migrationMovesStoredProposalTopicsToTheSharedNames() {
        try (TestPostgres.TestDatabase db = TestPostgres.newDatabase("topics")) {
            flyway(db, "24").migrate();
            try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("INSERT INTO account (email, display_name, username, password_hash) "
                        + "VALUES ('a@example.org', 'A', 'a', 'x')");
                for (String old : List.of("VERKEHR", "UMWELT", "BAUEN", "BILDUNG", "SOZIALES", "KULTUR", "WIRTSCHAFT",
                        "VERWALTUNG")) {
                    s.execute("INSERT INTO proposal (author_account_id, submission_key, title, summary, body_markdown, "
                            + "body_html, topic, support_threshold, support_deadline) SELECT id, '" + old + "', 'T', "
                            + "'S', 'B', '<p>B</p>', '" + old + "', 5, now() FROM account");
                }
            }
            flyway(db, "latest").migrate();
            try (var c = db.dataSource().getConnection(); var s = c.createStatement();
                 var r = s.executeQuery("SELECT submission_key, topic FROM proposal ORDER BY id")) {
                StringBuilder moved = new StringBuilder();
                while (r.next()) {
                    moved.append(r.getString(1)).append("->").append(r.getString(2)).append(' ');
                    assertEquals(Topic.parse(r.getString(1)).orElseThrow().name(), r.getString(2));
                }
                assertEquals("VERKEHR->TRANSPORT UMWELT->ENVIRONMENT BAUEN->BUILDING BILDUNG->EDUCATION "
                        + "SOZIALES->SOCIAL KULTUR->CULTURE WIRTSCHAFT->ECONOMY VERWALTUNG->ADMINISTRATION ",
                        moved.toString());
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Flyway flyway(TestPostgres.TestDatabase db, String target) {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/node")
                .table("node_schema_history").target(target).load();
    }
}
