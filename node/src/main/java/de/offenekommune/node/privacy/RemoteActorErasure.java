package de.offenekommune.node.privacy;

import java.time.Clock;
import java.time.Instant;

import de.offenekommune.node.db.Sql;

/**
 * A remote actor deleted itself ({@code Delete} of the actor, signed by it): what we hold of it
 * follows the same rule as a local account's erasure, in one transaction. Its comments that others
 * answered stay without author ("Gelöschtes Konto"), the others are removed; its supports and poll
 * votes keep counting under a random stand-in id, so totals and thresholds do not move; its
 * statements are removed; its reports stay without reporter; what we kept about it goes.
 */
public final class RemoteActorErasure {
    private final Sql sql;
    private final Clock clock;

    public RemoteActorErasure(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** What changed, for the log. */
    public record Erased(long keptComments, long removedComments, long supports, long votes) {
    }

    public Erased erase(String actor) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            long kept = tx.update("""
                    UPDATE comment c SET remote_actor = NULL, remote_name = NULL, remote_url = NULL, ap_id = NULL,
                           updated_at = ?
                    WHERE c.remote_actor = ? AND c.deleted_at IS NULL
                      AND EXISTS (SELECT 1 FROM comment r WHERE r.parent_id = c.id AND r.deleted_at IS NULL
                                  AND r.remote_actor IS DISTINCT FROM ?)""", now, actor, actor);
            long removed = tx.update("""
                    UPDATE comment SET remote_actor = NULL, remote_name = NULL, remote_url = NULL, ap_id = NULL,
                           body_html = '', deleted_at = coalesce(deleted_at, ?), updated_at = ?
                    WHERE remote_actor = ?""", now, now, actor);
            long supports = tx.update("""
                    UPDATE support SET remote_actor = 'urn:uuid:' || gen_random_uuid(), ap_id = NULL
                    WHERE remote_actor = ?""", actor);
            long votes = tx.update("""
                    UPDATE survey_response SET remote_actor = 'urn:uuid:' || gen_random_uuid()
                    WHERE remote_actor = ?""", actor);
            tx.update("DELETE FROM ap_survey_voter WHERE remote_actor = ?", actor);
            tx.update("""
                    UPDATE statement SET body_html = '', deleted_at = coalesce(deleted_at, ?), updated_at = ?
                    WHERE remote_actor = ?""", now, now, actor);
            tx.update("UPDATE moderation_flag SET remote_reporter = NULL WHERE remote_reporter = ?", actor);
            tx.update("DELETE FROM ap_blocked_by WHERE remote_actor = ?", actor);
            tx.update("DELETE FROM verification_remote_status WHERE actor_uri = ?", actor);
            return new Erased(kept, removed, supports, votes);
        });
    }
}
