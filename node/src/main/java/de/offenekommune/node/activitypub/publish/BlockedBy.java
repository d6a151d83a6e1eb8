package de.offenekommune.node.activitypub.publish;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.offenekommune.node.db.Sql;

/**
 * Remote actors that blocked one of our actors ({@code ap_blocked_by}): they get nothing more from
 * that actor, and what they send is ignored. (As followers they were removed when the Block came.)
 */
public final class BlockedBy {

    public void add(Sql tx, String remoteActor, String localActor, String blockActivity) {
        tx.update("""
                INSERT INTO ap_blocked_by (remote_actor, local_actor, block_activity) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", remoteActor, localActor, blockActivity);
    }

    /** Undo of a Block: only its sender can lift it. */
    public boolean remove(Sql tx, String remoteActor, String blockActivity) {
        return tx.update("DELETE FROM ap_blocked_by WHERE remote_actor = ? AND block_activity = ?", remoteActor,
                blockActivity) > 0;
    }

    /** True if the remote actor blocked any of our actors. */
    public boolean blockedAny(Sql sql, String remoteActor) {
        return sql.exists("SELECT 1 FROM ap_blocked_by WHERE remote_actor = ?", remoteActor);
    }

    public boolean blocked(Sql sql, String remoteActor, String localActor) {
        return sql.exists("SELECT 1 FROM ap_blocked_by WHERE remote_actor = ? AND local_actor = ?", remoteActor,
                localActor);
    }

    /** The remote actors among {@code actors} that did not block {@code localActor}; one query. */
    public List<String> without(Sql sql, String localActor, List<String> actors) {
        if (actors.isEmpty()) {
            return actors;
        }
        Set<String> blocked = new HashSet<>(sql.list(
                "SELECT remote_actor FROM ap_blocked_by WHERE local_actor = ? AND remote_actor = ANY(?)",
                r -> r.str("remote_actor"), localActor, (Object) actors.toArray(String[]::new)));
        return actors.stream().filter(a -> !blocked.contains(a)).toList();
    }
}
