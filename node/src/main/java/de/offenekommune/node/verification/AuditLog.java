package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** {@code verification_audit}: written in the transaction of each decision, read by admins only. */
public final class AuditLog {

    void add(Sql tx, Account admin, AuditEntry.Action action, VerificationRequest request, String reason, Instant now) {
        tx.update("""
                INSERT INTO verification_audit (at, admin_account_id, admin_name, action, request_id, organisation_name,
                                                reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", now, admin.id(), admin.displayName(), action, request.id(),
                request.organisationName(), reason);
    }

    /** Newest first, keyset-paged by id. */
    public List<AuditEntry> page(Sql sql, long beforeId, int limit) {
        return sql.list("""
                SELECT id, at, admin_name, action, request_id, organisation_name, reason FROM verification_audit
                WHERE id < ? ORDER BY id DESC LIMIT ?""", AuditLog::map, beforeId, limit);
    }

    private static AuditEntry map(Row r) {
        return new AuditEntry(r.lng("id"), r.instant("at"), r.str("admin_name"),
                r.enumOf(AuditEntry.Action.class, "action"), r.lngOrNull("request_id"), r.str("organisation_name"),
                r.str("reason"));
    }
}
