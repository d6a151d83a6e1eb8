package de.offenekommune.federation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.delivery.Follower;
import de.offenekommune.federation.testing.TestPostgres;

/** Removing followers by local actor (a deleted actor) and by remote actor (a remote deletion). */
class PgFollowersTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String ANNA = "https://town.example/profil/anna";
    private static final String TOWN = "https://town.example/kommune";

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase("followers");
    private final PgFollowers followers;

    PgFollowersTest() {
        FederationSchema.migrate(db.dataSource());
        followers = new PgFollowers(db.dataSource());
        for (String local : List.of(ANNA, TOWN)) {
            for (String remote : List.of("frieda", "gustav")) {
                String id = "https://social.example/users/" + remote;
                followers.add(new Follower(local, id, id + "/inbox", "https://social.example/inbox", true),
                        id + "#follow-" + local.hashCode(), NOW);
            }
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDeletedLocalActorLosesItsFollowersAndNoOneElseDoes() {
        assertEquals(2, followers.removeAllOf(ANNA));
        assertEquals(0, followers.count(ANNA));
        assertEquals(2, followers.count(TOWN));
        assertEquals(List.of("https://social.example/inbox"), followers.inboxesOf(TOWN));
        assertEquals(0, followers.removeAllOf(ANNA), "twice is harmless");
    }

    @Test
    void aBlockedDomainLosesItsFollowersWithItsSubdomainsButNotLookalikes() {
        for (String host : List.of("spam.example", "eu.spam.example", "notspam.example", "spam.example.org")) {
            String id = "https://" + host + ":8443/users/x";
            followers.add(new Follower(TOWN, id, id + "/inbox", null, true), id + "#follow", NOW);
        }
        assertEquals(2, followers.removeFromDomain("Spam.Example"));
        assertEquals(List.of("https://notspam.example:8443/users/x", "https://spam.example.org:8443/users/x"),
                followers.list(TOWN).stream().map(Follower::remoteActor).filter(a -> a.contains("spam")).sorted()
                        .toList());
        assertEquals(2, followers.count(ANNA), "social.example is untouched");
    }

    @Test
    void aDeletedRemoteActorFollowsNobodyAnyMore() {
        assertEquals(2, followers.removeRemoteActor("https://social.example/users/frieda"));
        assertEquals(1, followers.count(ANNA));
        assertEquals(1, followers.count(TOWN));
    }
}
