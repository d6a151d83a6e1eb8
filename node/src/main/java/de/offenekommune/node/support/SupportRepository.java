package de.offenekommune.node.support;

import java.util.Optional;

import de.offenekommune.node.db.Sql;

/** SQL for supports. Unique indexes make "one per supporter and proposal" hold under concurrency. */
public final class SupportRepository {

    /** @return the new support's id, empty if this account already supports the proposal */
    public Optional<Long> insertLocal(Sql tx, long proposalId, long accountId) {
        return tx.one("""
                INSERT INTO support (proposal_id, supporter_account_id) VALUES (?, ?)
                ON CONFLICT (proposal_id, supporter_account_id) WHERE supporter_account_id IS NOT NULL DO NOTHING
                RETURNING id""", r -> r.lng("id"), proposalId, accountId);
    }

    /** @return the removed support's id, empty if there was none */
    public Optional<Long> deleteLocal(Sql tx, long proposalId, long accountId) {
        return tx.one("DELETE FROM support WHERE proposal_id = ? AND supporter_account_id = ? RETURNING id",
                r -> r.lng("id"), proposalId, accountId);
    }

    /** @return the new support's id, empty if this actor already supports it or the Like was seen before */
    public Optional<Long> insertRemote(Sql tx, long proposalId, String actor, String activityId) {
        return tx.one("""
                INSERT INTO support (proposal_id, remote_actor, ap_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""", r -> r.lng("id"), proposalId, actor, activityId);
    }

    /** A removed remote support: its id and proposal. */
    public record Removed(long id, long proposalId) {
    }

    /** Removes the support a remote Like created, only if {@code actor} is the one who sent it. */
    public Optional<Removed> deleteRemote(Sql tx, String activityId, String actor) {
        return tx.one("DELETE FROM support WHERE ap_id = ? AND remote_actor = ? RETURNING id, proposal_id",
                r -> new Removed(r.lng("id"), r.lng("proposal_id")), activityId, actor);
    }

    public boolean supports(Sql sql, long proposalId, long accountId) {
        return sql.exists("SELECT 1 FROM support WHERE proposal_id = ? AND supporter_account_id = ?",
                proposalId, accountId);
    }
}
