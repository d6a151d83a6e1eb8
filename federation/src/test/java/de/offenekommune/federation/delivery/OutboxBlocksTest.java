package de.offenekommune.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import de.offenekommune.federation.Federation;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * The outbox leaves blocked servers and actors out: followers' inboxes on a blocked server (and its
 * subdomains), addressed actors on it or blocked one by one; a blocked actor is not even fetched.
 */
class OutboxBlocksTest {
    private static final String TOWN = "http://town.test/kommune";

    private final FederationRig rig = new FederationRig("outbox_blocks", b -> { });

    @AfterEach
    void close() {
        rig.close();
    }

    private String inbox(String host) {
        return "http://" + host + ":" + rig.wireMock.port() + "/inbox";
    }

    private List<String> queuedHosts() throws Exception {
        try (Connection c = rig.db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT host FROM fed_delivery ORDER BY host");
             ResultSet rs = st.executeQuery()) {
            List<String> hosts = new ArrayList<>();
            while (rs.next()) {
                hosts.add(rs.getString(1));
            }
            return hosts;
        }
    }

    @Test
    void blockedServersAndActorsGetNothingAndAreNotFetched() throws Exception {
        Federation f = rig.federation;
        for (String host : List.of("social.test", "spam.test", "eu.spam.test", "notspam.test")) {
            String actor = "http://" + host + ":" + rig.wireMock.port() + "/users/a";
            f.followers().add(new Follower(TOWN, actor, actor + "/inbox", inbox(host), true), actor + "#f",
                    rig.clock.instant());
        }
        RemoteMastodon other = rig.mastodon("other.test");
        other.actor("troll");
        other.actor("bob");
        f.blockList().blockDomain("spam.test", "Spam");
        f.blockList().blockActor(other.actorId("troll"), "Beleidigungen");

        ObjectNode activity = ActivityJson.newObject().put("id", "http://town.test/aktivitaeten/1")
                .put("type", "Create").put("actor", TOWN);
        Outbox.Enqueued queued = f.outbox().enqueue(TOWN, activity, Audience.followersOf(TOWN)
                .and(Audience.actors(List.of(other.actorId("troll"), other.actorId("bob"),
                        "http://eu.spam.test:" + rig.wireMock.port() + "/users/x"))));

        assertEquals(List.of("notspam.test", "other.test", "social.test"), queuedHosts());
        assertEquals(3, queued.deliveries());
        assertTrue(queued.unresolvedActors().isEmpty(), queued.toString());
        assertEquals(0, rig.wireMock.findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/users/troll"))
                .withHost(WireMock.equalTo("other.test"))).size(), "a blocked actor is not fetched");
    }
}
