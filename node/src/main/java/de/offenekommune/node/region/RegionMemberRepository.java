package de.offenekommune.node.region;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.activitypub.neighbourhood.Neighbour;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code region_member}. */
public final class RegionMemberRepository {
    static final int MAX_MEMBERS = 1_000;

    /** A member row with the state of the follow (null without a neighbour row). */
    record Linked(RegionMember member, Neighbour.State state) {
    }

    static RegionMember member(Row r) {
        return new RegionMember(r.str("ags"), r.str("handle"), r.str("actor_uri"),
                r.enumOf(RegionMember.Source.class, "source"), r.str("last_error"), r.instant("last_attempt_at"),
                r.instant("created_at"));
    }

    /** All members with the state of the follow, in one query. */
    List<Linked> all(Sql sql) {
        return sql.list("""
                SELECT m.*, n.state FROM region_member m LEFT JOIN ap_neighbour n ON n.actor_uri = m.actor_uri
                ORDER BY m.ags LIMIT ?""", r -> new Linked(member(r),
                r.str("state") == null ? null : r.enumOf(Neighbour.State.class, "state")), MAX_MEMBERS);
    }

    Optional<RegionMember> byAgs(Sql sql, String ags) {
        return sql.one("SELECT * FROM region_member WHERE ags = ?", RegionMemberRepository::member, ags);
    }

    /** @return false if the key or the handle is a member already */
    boolean insert(Sql tx, String ags, String handle, RegionMember.Source source, Long addedBy, Instant now) {
        return tx.update("""
                INSERT INTO region_member (ags, handle, source, added_by, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", ags, handle, source, addedBy, now) == 1;
    }

    /**
     * A configured member: added, or its handle taken from the configuration (a changed handle is
     * looked up again). Another member with that handle gives way.
     */
    void upsertConfigured(Sql tx, String ags, String handle, Instant now) {
        tx.update("DELETE FROM region_member WHERE handle = ? AND ags <> ?", handle, ags);
        tx.update("""
                INSERT INTO region_member (ags, handle, source, created_at) VALUES (?, ?, 'CONFIG', ?)
                ON CONFLICT (ags) DO UPDATE SET source = 'CONFIG', handle = excluded.handle,
                    actor_uri = CASE WHEN region_member.handle = excluded.handle THEN region_member.actor_uri END,
                    last_error = CASE WHEN region_member.handle = excluded.handle THEN region_member.last_error END""",
                ags, handle, now);
    }

    boolean delete(Sql tx, String ags) {
        return tx.update("DELETE FROM region_member WHERE ags = ?", ags) == 1;
    }

    /** Members whose town actor is not (or no longer) followed. */
    List<RegionMember> unlinked(Sql sql) {
        return sql.list("""
                SELECT m.* FROM region_member m
                WHERE m.actor_uri IS NULL OR NOT EXISTS (SELECT 1 FROM ap_neighbour n WHERE n.actor_uri = m.actor_uri)
                ORDER BY m.ags LIMIT ?""", RegionMemberRepository::member, MAX_MEMBERS);
    }

    void linked(Sql tx, String ags, String actorUri, Instant now) {
        tx.update("UPDATE region_member SET actor_uri = ?, last_error = NULL, last_attempt_at = ? WHERE ags = ?",
                actorUri, now, ags);
    }

    void failed(Sql tx, String ags, String messageKey, Instant now) {
        tx.update("UPDATE region_member SET last_error = ?, last_attempt_at = ? WHERE ags = ?", messageKey, now, ags);
    }

    /** Members whose actor accepted the follow: their figures are fetched. */
    List<RegionMember> connected(Sql sql) {
        return sql.list("""
                SELECT m.* FROM region_member m JOIN ap_neighbour n ON n.actor_uri = m.actor_uri
                WHERE n.state = 'ACCEPTED' ORDER BY m.ags LIMIT ?""", RegionMemberRepository::member, MAX_MEMBERS);
    }

    Optional<RegionMember> byActor(Sql sql, String actorUri) {
        return sql.one("SELECT * FROM region_member WHERE actor_uri = ?", RegionMemberRepository::member, actorUri);
    }
}
