package de.offenekommune.node.activitypub.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/**
 * {@code ap_activity}: outgoing activities written in the transaction of the change they report,
 * relayed to the delivery queue after the commit; public ones are the outbox and are served at their id.
 */
public final class ActivityStore {

    /** A stored activity waiting for the relay. */
    public record Pending(long id, String actor, String body, List<String> followersOf, List<String> inboxes,
                          List<String> actors) {
    }

    /** An activity as the outbox lists it. */
    public record Listed(long id, String body) {
    }

    /**
     * Stores an activity; with a coalescing key it replaces a pending one with the same key (which
     * then goes out with this body and id instead).
     */
    public void add(Sql tx, UUID uuid, Outgoing o, Instant now) {
        tx.update("""
                INSERT INTO ap_activity (uuid, actor_uri, type, object_uri, body, public, followers_of, inboxes, actors,
                                         coalesce_key, not_before, created_at)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), ?, ?, ?)
                ON CONFLICT (coalesce_key) WHERE relayed_at IS NULL AND coalesce_key IS NOT NULL
                DO UPDATE SET uuid = excluded.uuid, body = excluded.body, followers_of = excluded.followers_of,
                              inboxes = excluded.inboxes, actors = excluded.actors, not_before = excluded.not_before""",
                uuid.toString(), o.actor(), o.type(), objectId(o.activity()), ActivityJson.writeString(o.activity()),
                o.isPublic(), PgArrays.texts(o.followersOf()), PgArrays.texts(o.inboxes()), PgArrays.texts(o.actors()),
                o.coalesceKey(), o.notBefore() == null ? now : o.notBefore(), now);
    }

    /** Replaces the body of a pending activity (a Create whose object changed before it went out). */
    public boolean replacePending(Sql tx, String coalesceKey, ObjectNode body, Instant notBefore) {
        return tx.update("UPDATE ap_activity SET body = ?, not_before = ? WHERE coalesce_key = ? AND relayed_at IS NULL",
                ActivityJson.writeString(body), notBefore, coalesceKey) > 0;
    }

    /** Drops a pending activity (its object was deleted before it went out); true if there was one. */
    public boolean dropPending(Sql tx, String coalesceKey) {
        return tx.update("DELETE FROM ap_activity WHERE coalesce_key = ? AND relayed_at IS NULL", coalesceKey) > 0;
    }

    /** The pending activity's body with this key, if any. */
    public Optional<ObjectNode> pendingBody(Sql tx, String coalesceKey) {
        return tx.one("SELECT body FROM ap_activity WHERE coalesce_key = ? AND relayed_at IS NULL",
                r -> ActivityJson.parse(r.str("body")), coalesceKey);
    }

    /** Whether a Create of this object was ever stored (sent or about to be). */
    public boolean wasCreated(Sql tx, String objectUri) {
        return tx.exists("SELECT 1 FROM ap_activity WHERE object_uri = ? AND type = 'Create'", objectUri);
    }

    /** Due activities, locked for this relay until its transaction ends (others skip them). */
    public List<Pending> claimDue(Sql tx, Instant now, int limit) {
        return tx.list("""
                SELECT id, actor_uri, body, followers_of, inboxes, actors FROM ap_activity
                WHERE relayed_at IS NULL AND not_before <= ? ORDER BY not_before, id LIMIT ?
                FOR UPDATE SKIP LOCKED""", ActivityStore::pending, now, limit);
    }

    public void relayed(Sql tx, long id, Instant now) {
        tx.update("UPDATE ap_activity SET relayed_at = ? WHERE id = ?", now, id);
    }

    /** A public, relayed activity by its id. */
    public Optional<String> publicBody(Sql sql, UUID uuid) {
        return sql.one("SELECT body FROM ap_activity WHERE uuid = CAST(? AS uuid) AND public AND relayed_at IS NOT NULL",
                r -> r.str("body"), uuid.toString());
    }

    /** The actor's public activities, newest first, keyset-paged by id. */
    public List<Listed> outbox(Sql sql, String actor, long beforeId, int limit) {
        return sql.list("""
                SELECT id, body FROM ap_activity
                WHERE actor_uri = ? AND public AND relayed_at IS NOT NULL AND id < ?
                ORDER BY id DESC LIMIT ?""", r -> new Listed(r.lng("id"), r.str("body")), actor, beforeId, limit);
    }

    public long outboxSize(Sql sql, String actor) {
        return sql.count("SELECT count(*) FROM ap_activity WHERE actor_uri = ? AND public AND relayed_at IS NOT NULL",
                actor);
    }

    private static Pending pending(Row r) {
        return new Pending(r.lng("id"), r.str("actor_uri"), r.str("body"), r.strings("followers_of"),
                r.strings("inboxes"), r.strings("actors"));
    }

    private static String objectId(JsonNode activity) {
        JsonNode object = activity.get("object");
        if (object == null) {
            return null;
        }
        return object.isTextual() ? object.asText() : object.path("id").asText(null);
    }
}
