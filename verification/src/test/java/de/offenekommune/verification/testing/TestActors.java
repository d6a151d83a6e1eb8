package de.offenekommune.verification.testing;

import java.net.URI;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.key.SigningKey;

/** Actor documents with FEP-521a assertion methods for a fresh key pair. */
public final class TestActors {
    private TestActors() {
    }

    public static SigningKey newKey(String actorId) {
        return SigningKey.of(URI.create(actorId), URI.create(actorId + "#ed25519-key"), Ed25519.generate());
    }

    public static ObjectNode actorDocument(SigningKey key, String type) {
        ObjectNode actor = JsonNodeFactory.instance.objectNode();
        actor.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://www.w3.org/ns/cid/v1");
        actor.put("id", key.controller().toString());
        actor.put("type", type);
        actor.put("inbox", key.controller() + "/inbox");
        actor.putArray("assertionMethod").add(key.method().toJson());
        return actor;
    }
}
