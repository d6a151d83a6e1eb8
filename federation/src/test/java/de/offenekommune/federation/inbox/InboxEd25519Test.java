package de.offenekommune.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.ActorDocument;
import de.offenekommune.federation.vocab.Capabilities;

/**
 * Our inbox verifies RFC 9421 signatures made with Ed25519 ({@code alg="ed25519"}) whose keyid is
 * the Multikey an actor lists in {@code assertionMethod}, as another OffeneKommune node sends them;
 * the key is found by fetching that actor, and a signature over another body is refused.
 */
class InboxEd25519Test {
    private final InboxTestSupport t = new InboxTestSupport("inbox_ed25519");

    @AfterEach
    void close() {
        t.close();
    }

    private ActorKeys servedActor(String name) {
        ActorKeys keys = ActorKeys.generate(t.mastodon.actorId(name));
        ObjectNode document = ActorDocument.builder(keys.actorId(), "Organization")
                .preferredUsername(name).inbox(keys.actorId() + "/inbox").sharedInbox(t.mastodon.base() + "/inbox")
                .rsaKey(keys.rsa().keyId(), keys.rsaPublicKey())
                .ed25519Key(keys.ed25519().keyId(), keys.ed25519().key().publicKey())
                .implementing(Capabilities.OURS).build();
        t.mastodon.serve(name, document);
        return keys;
    }

    private HttpMessage signedWithEd25519(ObjectNode activity, ActorKeys keys) {
        HttpMessage message = HttpMessage.request("POST", t.rig.inboxUri(),
                HttpFields.create().set("content-type", "application/activity+json"), ActivityJson.write(activity));
        new HttpSigner(t.rig.clock).signRfc9421(message, keys.ed25519());
        return message;
    }

    @Test
    void anEd25519Rfc9421SignatureByTheActorsMultikeyIsAccepted() {
        ActorKeys town = servedActor("nachbarstadt");
        HttpMessage message = signedWithEd25519(t.like(town.actorId(), t.mastodon.base() + "/likes/ed1"), town);
        assertTrue(message.fields().first("signature-input").orElseThrow().contains("alg=\"ed25519\""));

        FederationRig.Answer answer = t.rig.post(message);

        assertEquals(202, answer.status(), answer.body());
        assertEquals(1, t.stored());
        assertEquals(town.ed25519().keyId(), t.rig.string("SELECT signer_key FROM fed_inbox_activity").orElseThrow());
    }

    @Test
    void anEd25519SignatureOverAnotherBodyIsRefused() {
        ActorKeys town = servedActor("nachbarstadt");
        HttpMessage signed = signedWithEd25519(t.like(town.actorId(), t.mastodon.base() + "/likes/ed2"), town);
        HttpMessage swapped = HttpMessage.request("POST", signed.targetUri(), signed.fields(),
                ActivityJson.write(t.like(town.actorId(), t.mastodon.base() + "/likes/other")));

        FederationRig.Answer answer = t.rig.post(swapped);

        assertEquals(401, answer.status(), answer.body());
        assertEquals(0, t.stored());
    }
}
