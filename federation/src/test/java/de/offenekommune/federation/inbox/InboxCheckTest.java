package de.offenekommune.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.vocab.Activity;

/** A handler's own check runs after the signature and origin checks, before anything is stored. */
class InboxCheckTest {
    private final FederationRig rig = new FederationRig("inbox_check", b -> { });
    private final List<String> checked = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        rig.close();
    }

    private final class RefusingLikes implements InboxHandler {
        @Override
        public void handle(InboxActivity activity) {
        }

        @Override
        public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
            checked.add(signer.actorId());
            return activity.id().endsWith("/too-big") ? InboxCheck.refuse(413, "object too large")
                    : InboxCheck.ACCEPT;
        }
    }

    @Test
    void aRefusalIsAnsweredWithItsStatusAndNothingIsStored() {
        rig.federation.inboxHandlers().on("Like", new RefusingLikes());
        var mastodon = rig.mastodon("mastodon.test");
        ActorKeys alice = mastodon.actor("alice");
        var like = de.offenekommune.federation.testing.RemoteMastodon.fixture("mastodon/like.json");
        like.remove("signature");
        like.put("actor", alice.actorId()).put("object", "http://town.test/proposals/1");

        var refused = rig.postSigned(like.put("id", mastodon.base() + "/likes/too-big"), alice, SignatureScheme.CAVAGE);
        assertEquals(413, refused.status(), refused.body());
        assertTrue(refused.body().contains("object too large"), refused.body());
        assertEquals(0, rig.count("SELECT count(*) FROM fed_inbox_activity"));
        assertEquals(List.of(alice.actorId()), checked, "the check sees the verified signer");

        var accepted = rig.postSigned(like.put("id", mastodon.base() + "/likes/fine"), alice, SignatureScheme.CAVAGE);
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(1, rig.count("SELECT count(*) FROM fed_inbox_activity"));
    }

    @Test
    void anUnsignedActivityNeverReachesTheCheck() {
        rig.federation.inboxHandlers().on("Like", new RefusingLikes());
        var mastodon = rig.mastodon("mastodon.test");
        ActorKeys alice = mastodon.actor("alice");
        ActorKeys mallory = ActorKeys.generate(alice.actorId());
        var like = de.offenekommune.federation.testing.RemoteMastodon.fixture("mastodon/like.json");
        like.remove("signature");
        like.put("id", mastodon.base() + "/likes/forged").put("actor", alice.actorId())
                .put("object", "http://town.test/proposals/1");

        assertEquals(401, rig.postSigned(like, mallory, SignatureScheme.CAVAGE).status());
        assertTrue(checked.isEmpty());
    }

    @Test
    void aRefusalMustBeA4xx() {
        assertThrows(IllegalArgumentException.class, () -> InboxCheck.refuse(500, "no"));
        assertThrows(IllegalArgumentException.class, () -> InboxCheck.refuse(202, "no"));
    }
}
