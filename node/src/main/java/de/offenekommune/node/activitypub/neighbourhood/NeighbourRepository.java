package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code ap_neighbour}, {@code ap_neighbour_item} and {@code ap_remote_action}. */
public final class NeighbourRepository {
    private static final String ITEM = """
            SELECT i.id, i.ap_id, i.neighbour_actor, n.name AS neighbour_name, i.attributed_to, i.kind, i.name,
                   i.summary, i.url, i.proposal_status, i.local_supports, i.remote_supports, i.support_threshold,
                   i.published_at, i.updated_at, i.deleted_at, i.project_kind, i.topics, i.location_name, i.latitude,
                   i.longitude, i.starts_at, i.ends_at, i.part_ids
            FROM ap_neighbour_item i JOIN ap_neighbour n ON n.actor_uri = i.neighbour_actor
            """;

    static Neighbour neighbour(Row r) {
        return new Neighbour(r.str("actor_uri"), r.str("handle"), r.str("name"), r.str("profile_url"),
                r.enumOf(Neighbour.State.class, "state"), r.str("follow_activity"), r.instant("created_at"));
    }

    static NeighbourItem item(Row r) {
        return new NeighbourItem(r.lng("id"), r.str("ap_id"), r.str("neighbour_actor"), r.str("neighbour_name"),
                r.str("attributed_to"), r.enumOf(NeighbourItem.Kind.class, "kind"), r.str("name"), r.str("summary"),
                r.str("url"), r.str("proposal_status"), r.intOrNull("local_supports"), r.intOrNull("remote_supports"),
                r.intOrNull("support_threshold"), r.instant("published_at"), r.instant("updated_at"),
                r.instant("deleted_at"), details(r));
    }

    /** The overview columns of an item row (phases are loaded apart, where needed). */
    public static NeighbourItem.Details details(Row r) {
        return new NeighbourItem.Details(r.str("project_kind"), r.strings("topics"), r.str("location_name"),
                r.dblOrNull("latitude"), r.dblOrNull("longitude"), r.instant("starts_at"), r.instant("ends_at"),
                r.strings("part_ids"), List.of());
    }

    /** @return false if the town already follows this actor */
    boolean insert(Sql tx, Neighbour n) {
        return tx.update("""
                INSERT INTO ap_neighbour (actor_uri, handle, name, profile_url, state, follow_activity, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (actor_uri) DO NOTHING""", n.actorUri(), n.handle(), n.name(),
                n.profileUrl(), n.state(), n.followActivity(), n.createdAt()) == 1;
    }

    Optional<Neighbour> byActor(Sql sql, String actorUri) {
        return sql.one("SELECT * FROM ap_neighbour WHERE actor_uri = ?", NeighbourRepository::neighbour, actorUri);
    }

    List<Neighbour> all(Sql sql, int limit) {
        return sql.list("SELECT * FROM ap_neighbour ORDER BY name, actor_uri LIMIT ?", NeighbourRepository::neighbour,
                limit);
    }

    boolean delete(Sql tx, String actorUri) {
        return tx.update("DELETE FROM ap_neighbour WHERE actor_uri = ?", actorUri) == 1;
    }

    /** The answer to our Follow: only the followed actor can give it. */
    boolean setState(Sql tx, String actorUri, String followActivity, Neighbour.State state) {
        return tx.update("UPDATE ap_neighbour SET state = ? WHERE actor_uri = ? AND follow_activity = ?", state,
                actorUri, followActivity) == 1;
    }

    boolean isFollowed(Sql sql, String actorUri) {
        return sql.exists("SELECT 1 FROM ap_neighbour WHERE actor_uri = ? AND state <> 'REJECTED'", actorUri);
    }

    long countAccepted(Sql sql) {
        return sql.count("SELECT count(*) FROM ap_neighbour WHERE state = 'ACCEPTED'");
    }

    /**
     * A new item, or the same one again (its newer state replaces the old, unless deleted or claimed
     * by another author); a project's phases are replaced with it.
     */
    void upsertItem(Sql tx, NeighbourItem i) {
        NeighbourItem.Details d = i.details();
        Optional<Long> id = tx.one("""
                INSERT INTO ap_neighbour_item (ap_id, neighbour_actor, attributed_to, kind, name, summary, url,
                                               proposal_status, local_supports, remote_supports, support_threshold,
                                               published_at, updated_at, project_kind, topics, location_name,
                                               latitude, longitude, starts_at, ends_at, part_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), ?, ?, ?, ?, ?, CAST(? AS text[]))
                ON CONFLICT (ap_id) DO UPDATE SET name = excluded.name, summary = excluded.summary, url = excluded.url,
                    proposal_status = excluded.proposal_status, local_supports = excluded.local_supports,
                    remote_supports = excluded.remote_supports, support_threshold = excluded.support_threshold,
                    updated_at = excluded.updated_at, project_kind = excluded.project_kind, topics = excluded.topics,
                    location_name = excluded.location_name, latitude = excluded.latitude,
                    longitude = excluded.longitude, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                    part_ids = excluded.part_ids
                WHERE ap_neighbour_item.deleted_at IS NULL AND ap_neighbour_item.attributed_to = excluded.attributed_to
                RETURNING id""", r -> r.lng("id"),
                i.apId(), i.neighbourActor(), i.attributedTo(), i.kind(), i.name(), i.summary(), i.url(),
                i.proposalStatus(), i.localSupports(), i.remoteSupports(), i.supportThreshold(), i.publishedAt(),
                i.updatedAt(), d.projectKind(), PgArrays.texts(d.topics()), d.locationName(), d.latitude(),
                d.longitude(), d.startsAt(), d.endsAt(), PgArrays.texts(d.partIds()));
        if (id.isPresent() && i.kind() == NeighbourItem.Kind.PROJECT) {
            replacePhases(tx, id.get(), d.phases());
        }
    }

    private static void replacePhases(Sql tx, long itemId, List<NeighbourItem.Phase> phases) {
        tx.update("DELETE FROM ap_neighbour_item_phase WHERE item_id = ?", itemId);
        if (phases.isEmpty()) {
            return;
        }
        tx.update("""
                INSERT INTO ap_neighbour_item_phase (item_id, position, kind, name, starts_on, ends_on)
                SELECT ?, t.ord, t.kind, t.name, CAST(t.starts AS date), CAST(t.ends AS date)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                     WITH ORDINALITY AS t(kind, name, starts, ends, ord)""", itemId,
                PgArrays.texts(phases.stream().map(p -> p.kind().name()).toList()),
                PgArrays.texts(phases.stream().map(NeighbourItem.Phase::name).toList()),
                PgArrays.texts(phases.stream().map(p -> p.startsOn().toString()).toList()),
                PgArrays.texts(phases.stream().map(p -> p.endsOn().toString()).toList()));
    }

    /** The live survey item a Question of the neighbour belongs to. */
    Optional<NeighbourItem> itemWithPart(Sql sql, String partId) {
        return sql.one(ITEM + "WHERE i.part_ids @> CAST(? AS text[]) AND i.deleted_at IS NULL LIMIT 1",
                NeighbourRepository::item, PgArrays.texts(List.of(partId)));
    }

    /** Marks an item deleted, only if {@code actor} published or shared it. */
    boolean deleteItem(Sql tx, String apId, String actor, Instant now) {
        return tx.update("""
                UPDATE ap_neighbour_item SET deleted_at = ?
                WHERE (ap_id = ? OR part_ids @> CAST(? AS text[])) AND (attributed_to = ? OR neighbour_actor = ?)
                  AND deleted_at IS NULL""", now, apId, PgArrays.texts(List.of(apId)), actor, actor) > 0;
    }

    Optional<NeighbourItem> itemByApId(Sql sql, String apId) {
        return sql.one(ITEM + "WHERE i.ap_id = ?", NeighbourRepository::item, apId);
    }

    Optional<NeighbourItem> item(Sql sql, long id) {
        return sql.one(ITEM + "WHERE i.id = ?", NeighbourRepository::item, id);
    }

    /** Handles of all followed towns (lower case), to see which configured ones are still missing. */
    List<String> handles(Sql sql) {
        return sql.list("SELECT lower(handle) AS h FROM ap_neighbour", r -> r.str("h"));
    }

    /** The newest live projects and proposals of followed towns, up to {@code limit} of each, in one statement. */
    List<NeighbourItem> latest(Sql sql, int limit) {
        String each = ITEM + "WHERE i.deleted_at IS NULL AND i.kind = ? AND n.state <> 'REJECTED' "
                + "ORDER BY i.published_at DESC, i.id DESC LIMIT ?";
        return sql.list("(" + each + ") UNION ALL (" + each + ")", NeighbourRepository::item,
                NeighbourItem.Kind.PROJECT, limit, NeighbourItem.Kind.PROPOSAL, limit);
    }

    void insertAction(Sql tx, RemoteAction a) {
        tx.update("""
                INSERT INTO ap_remote_action (uuid, account_id, item_id, kind, body_html, created_at)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?)""", a.uuid().toString(), a.accountId(), a.itemId(), a.kind(), a.bodyHtml(),
                a.createdAt());
    }

    /** @return the live Like of this account on this item, if any */
    Optional<RemoteAction> liveLike(Sql sql, long accountId, long itemId) {
        return sql.one("SELECT * FROM ap_remote_action WHERE account_id = ? AND item_id = ? AND kind = 'LIKE' "
                + "AND deleted_at IS NULL", NeighbourRepository::action, accountId, itemId);
    }

    Optional<RemoteAction> action(Sql sql, UUID uuid) {
        return sql.one("SELECT * FROM ap_remote_action WHERE uuid = CAST(? AS uuid)", NeighbourRepository::action,
                uuid.toString());
    }

    /** Marks an action withdrawn, only the account's own; true if it was live. */
    boolean deleteAction(Sql tx, long id, long accountId, Instant now) {
        return tx.update("UPDATE ap_remote_action SET deleted_at = ? WHERE id = ? AND account_id = ? "
                + "AND deleted_at IS NULL", now, id, accountId) == 1;
    }

    /** The account's live comments on an item, oldest first, bounded. */
    List<RemoteAction> notes(Sql sql, long accountId, long itemId, int limit) {
        return sql.list("SELECT * FROM ap_remote_action WHERE account_id = ? AND item_id = ? AND kind = 'NOTE' "
                + "AND deleted_at IS NULL ORDER BY id LIMIT ?", NeighbourRepository::action, accountId, itemId, limit);
    }

    static RemoteAction action(Row r) {
        return new RemoteAction(r.lng("id"), r.uuid("uuid"), r.lng("account_id"), r.lng("item_id"),
                r.enumOf(RemoteAction.Kind.class, "kind"), r.str("body_html"), r.instant("created_at"),
                r.instant("deleted_at"));
    }
}
