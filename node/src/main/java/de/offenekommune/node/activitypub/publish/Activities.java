package de.offenekommune.node.activitypub.publish;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.ApContext;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.ApObject;

/**
 * Writes the activities the node sends (Mastodon serializer style: one method per shape). Every
 * activity gets its own stable id {@code /aktivitaeten/<uuid>} (an Accept too: Mastodon needs one).
 */
public final class Activities {
    /** An activity and the UUID in its id. */
    public record Activity(UUID uuid, ObjectNode json) {
        public String id() {
            return json.path("id").asText();
        }
    }

    private final NodeUris uris;
    private final ApContext context;
    private final Clock clock;

    public Activities(NodeUris uris, ApContext context, Clock clock) {
        this.uris = uris;
        this.context = context;
        this.clock = clock;
    }

    public Activity create(ApObject o) {
        return wrap("Create", o.owner(), o.json(), o.json());
    }

    public Activity update(ApObject o) {
        return wrap("Update", o.owner(), o.json(), o.json());
    }

    /** The object is the Tombstone; addressed like the object was. */
    public Activity delete(ApObject o, List<String> cc) {
        ObjectNode addressing = ActivityJson.newObject();
        addressing.putArray("to").add(Contexts.PUBLIC);
        ArrayNode ccs = addressing.putArray("cc");
        cc.forEach(ccs::add);
        return wrap("Delete", o.owner(), o.json(), addressing);
    }

    /** A group (or the town) shares an object with its followers (FEP-1b12; Mastodon shows it as a boost). */
    public Activity announce(String actor, String objectId, String objectOwner) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, "Announce", actor);
        a.putArray("to").add(Contexts.PUBLIC);
        ArrayNode cc = a.putArray("cc").add(NodeUris.followers(actor));
        if (objectOwner != null && !objectOwner.equals(actor)) {
            cc.add(objectOwner);
        }
        a.put("object", objectId);
        return finish(uuid, a);
    }

    /** @param follow the Follow as received (its id, actor and object are what the follower checks) */
    public Activity accept(String actor, ObjectNode follow) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, "Accept", actor);
        a.put("to", follow.path("actor").asText());
        ObjectNode object = follow.deepCopy();
        object.remove("@context");
        a.set("object", object);
        return finish(uuid, a);
    }

    public Activity reject(String actor, ObjectNode follow) {
        Activity accept = accept(actor, follow);
        accept.json().put("type", "Reject");
        return accept;
    }

    public Activity follow(String actor, String target) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, "Follow", actor);
        a.put("to", target).put("object", target);
        return finish(uuid, a);
    }

    /**
     * A region gives a member town its node attestation: {@code Add} of the attestation (by id: the
     * member fetches it as the region serves it) to the town actor, addressed to the town only.
     */
    public Activity attestationAdded(String region, String attestation, String town) {
        return attestation("Add", region, attestation, town);
    }

    /** The region withdraws it (revoked: the member is no member any more, or it was replaced). */
    public Activity attestationRemoved(String region, String attestation, String town) {
        return attestation("Remove", region, attestation, town);
    }

    private Activity attestation(String type, String region, String attestation, String town) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, type, region);
        a.put("to", town).put("object", attestation).put("target", town);
        return finish(uuid, a);
    }

    /** Undoes an earlier activity of the same actor; the original is embedded. */
    public Activity undo(String actor, ObjectNode original, String to) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, "Undo", actor);
        a.put("to", to);
        ObjectNode object = original.deepCopy();
        object.remove("@context");
        a.set("object", object);
        return finish(uuid, a);
    }

    /** A citizen supports a neighbour's proposal; {@code id} is the citizen's stable remote-action URI. */
    public ObjectNode like(String id, String actor, String object, String objectOwner) {
        ObjectNode a = ActivityJson.newObject().put("id", id).put("type", "Like").put("actor", actor)
                .put("object", object).put("to", objectOwner).put("published", AsText.time(clock.instant()));
        return withContext(a);
    }

    /** A Create around an object written here but not one of {@link ApObject}'s (a citizen's remote comment). */
    public Activity createOf(String actor, ObjectNode object) {
        return wrap("Create", actor, object, object);
    }

    /**
     * An activity around an object that carries its own integrity proof (a statement, an actor
     * document): the object keeps its {@code @context}, without which its proof no longer verifies.
     */
    public Activity withSignedObject(String type, String actor, ObjectNode object) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, type, actor);
        copy(object, a, "to");
        copy(object, a, "cc");
        a.set("object", object.deepCopy());
        return finish(uuid, a);
    }

    public Activity deleteOf(String actor, ObjectNode tombstone, JsonNode addressing) {
        return wrap("Delete", actor, tombstone, addressing);
    }

    private Activity wrap(String type, String actor, ObjectNode object, JsonNode addressing) {
        UUID uuid = UUID.randomUUID();
        ObjectNode a = base(uuid, type, actor);
        copy(addressing, a, "to");
        copy(addressing, a, "cc");
        ObjectNode inner = object.deepCopy();
        inner.remove("@context");
        a.set("object", inner);
        return finish(uuid, a);
    }

    private ObjectNode base(UUID uuid, String type, String actor) {
        return ActivityJson.newObject().put("id", uris.activity(uuid)).put("type", type).put("actor", actor)
                .put("published", AsText.time(clock.instant()));
    }

    private Activity finish(UUID uuid, ObjectNode a) {
        return new Activity(uuid, withContext(a));
    }

    /** The document with {@code @context} first. */
    public ObjectNode withContext(ObjectNode document) {
        ObjectNode out = ActivityJson.newObject();
        out.set("@context", context.contextFor(document));
        document.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("@context")) {
                out.set(f.getKey(), f.getValue());
            }
        });
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null) {
            to.set(field, value.deepCopy());
        }
    }
}
