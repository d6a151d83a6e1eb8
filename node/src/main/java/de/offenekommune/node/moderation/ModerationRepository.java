package de.offenekommune.node.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Sql;

/** SQL for flags, the hidden-content table and the public log. */
public final class ModerationRepository {

    /** The moderation actions; each is logged publicly. */
    public enum Action {
        HIDE, RESTORE, DISMISS
    }

    /** Open flags of one item, grouped, for the queue. */
    public record OpenItem(String kind, long id, int flags, Instant firstAt, List<String> reasons, Hidden hidden) {
    }

    /** A line of the public log: no flagger, no moderator. */
    public record LogEntry(long id, Instant at, String kind, long targetId, Action action, String reason) {
    }

    /** @return true if a new flag was stored; false if this account already has an open flag on the item */
    public boolean flagLocal(Sql tx, String kind, long id, long reporter, String reason) {
        return tx.update("""
                INSERT INTO moderation_flag (target_kind, target_id, reporter_account_id, reason) VALUES (?, ?, ?, ?)
                ON CONFLICT (target_kind, target_id, reporter_account_id)
                    WHERE resolved_at IS NULL AND reporter_account_id IS NOT NULL DO NOTHING""",
                kind, id, reporter, reason) == 1;
    }

    /** A remote report (ActivityPub Flag); the same activity or an open flag of the same actor counts once. */
    public boolean flagRemote(Sql tx, String kind, long id, String reporterActor, String activityId, String reason) {
        return tx.update("""
                INSERT INTO moderation_flag (target_kind, target_id, remote_reporter, ap_id, reason)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", kind, id, reporterActor, activityId, reason) == 1;
    }

    private static final String OPEN = """
            SELECT f.target_kind, f.target_id, count(*) AS flags, min(f.created_at) AS first_at,
                   array_agg(f.reason ORDER BY f.created_at) AS reasons, h.reason AS hidden_reason, h.hidden_at
            FROM moderation_flag f
            LEFT JOIN moderation_hidden h ON h.target_kind = f.target_kind AND h.target_id = f.target_id
            WHERE f.resolved_at IS NULL""";
    private static final String OPEN_GROUP = " GROUP BY f.target_kind, f.target_id, h.reason, h.hidden_at";

    /** Items with open flags, the longest waiting first. */
    public List<OpenItem> openItems(Sql sql, int limit) {
        return sql.list(OPEN + OPEN_GROUP + " ORDER BY min(f.created_at) LIMIT ?", ModerationRepository::mapOpen,
                limit);
    }

    public Optional<OpenItem> openItem(Sql sql, String kind, long id) {
        return sql.one(OPEN + " AND f.target_kind = ? AND f.target_id = ?" + OPEN_GROUP, ModerationRepository::mapOpen,
                kind, id);
    }

    private static OpenItem mapOpen(de.offenekommune.node.db.Row r) {
        return new OpenItem(r.str("target_kind"), r.lng("target_id"), r.integer("flags"), r.instant("first_at"),
                r.strings("reasons"), Hidden.of(r.str("hidden_reason"), r.instant("hidden_at")));
    }

    /** Hidden content, latest first (so staff can restore it). */
    public List<OpenItem> hiddenItems(Sql sql, int limit) {
        return sql.list("""
                SELECT h.target_kind, h.target_id, h.reason, h.hidden_at FROM moderation_hidden h
                ORDER BY h.hidden_at DESC LIMIT ?""",
                r -> new OpenItem(r.str("target_kind"), r.lng("target_id"), 0, null, List.of(),
                        new Hidden(r.str("reason"), r.instant("hidden_at"))), limit);
    }

    public Optional<Hidden> hidden(Sql sql, String kind, long id) {
        return sql.one("SELECT reason, hidden_at FROM moderation_hidden WHERE target_kind = ? AND target_id = ?",
                r -> new Hidden(r.str("reason"), r.instant("hidden_at")), kind, id);
    }

    /** Hides, or replaces the reason if already hidden. */
    public void hide(Sql tx, String kind, long id, String reason, long moderator, Instant now) {
        tx.update("""
                INSERT INTO moderation_hidden (target_kind, target_id, reason, hidden_at, hidden_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (target_kind, target_id) DO UPDATE
                SET reason = excluded.reason, hidden_at = excluded.hidden_at, hidden_by = excluded.hidden_by""",
                kind, id, reason, now, moderator);
    }

    /** @return false if it was not hidden */
    public boolean restore(Sql tx, String kind, long id) {
        return tx.update("DELETE FROM moderation_hidden WHERE target_kind = ? AND target_id = ?", kind, id) == 1;
    }

    /** Closes the open flags of an item with the action taken; returns how many. */
    public long resolveFlags(Sql tx, String kind, long id, Action action, Instant now) {
        return tx.update("UPDATE moderation_flag SET resolved_at = ?, resolution = ? "
                + "WHERE target_kind = ? AND target_id = ? AND resolved_at IS NULL", now, action, kind, id);
    }

    public void log(Sql tx, String kind, long id, Action action, String reason, long moderator, Instant now) {
        tx.update("INSERT INTO moderation_log (at, target_kind, target_id, action, reason, moderator_account_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)", now, kind, id, action, reason, moderator);
    }

    /** The public log, newest first, keyset-paged by id. */
    public List<LogEntry> logPage(Sql sql, long beforeId, int limit) {
        return sql.list("""
                SELECT id, at, target_kind, target_id, action, reason FROM moderation_log
                WHERE id < ? ORDER BY id DESC LIMIT ?""",
                r -> new LogEntry(r.lng("id"), r.instant("at"), r.str("target_kind"), r.lng("target_id"),
                        Action.valueOf(r.str("action")), r.str("reason")), beforeId, limit);
    }
}
