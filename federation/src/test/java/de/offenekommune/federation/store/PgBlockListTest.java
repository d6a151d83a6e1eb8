package de.offenekommune.federation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.inbox.BlockList;
import de.offenekommune.federation.testing.TestPostgres;

/** The block list: normalised domains with their subdomains, actors, the admin's list, lifting. */
class PgBlockListTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase("block_list");
    private final PgBlockList blocks;

    PgBlockListTest() {
        FederationSchema.migrate(db.dataSource());
        blocks = new PgBlockList(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void blocksAreListedDomainsFirstAndLiftedAgain() {
        blocks.blockActor("https://social.example/users/troll", "Beleidigungen");
        blocks.blockDomain("Spam.Example.", "Spam");
        blocks.blockDomain("bad.example", "Angriffe");
        blocks.blockDomain("spam.example", "again");
        assertEquals(List.of(new BlockList.Block("domain", "bad.example", "Angriffe", NOW),
                new BlockList.Block("domain", "spam.example", "Spam", NOW),
                new BlockList.Block("actor", "https://social.example/users/troll", "Beleidigungen", NOW)),
                blocks.list(), "normalised, the first reason kept");
        assertTrue(blocks.isBlockedHost("eu.spam.example"));
        assertFalse(blocks.isBlockedHost("notspam.example"));
        assertTrue(blocks.isBlockedActor("https://social.example/users/troll"));

        blocks.unblockDomain("spam.example");
        blocks.unblockActor("https://social.example/users/troll");
        assertFalse(blocks.isBlockedHost("eu.spam.example"), "the change is seen at once");
        assertFalse(blocks.isBlockedActor("https://social.example/users/troll"));
        assertEquals(List.of(new BlockList.Block("domain", "bad.example", "Angriffe", NOW)), blocks.list());
    }
}
