package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code verification_request}, joined with the organisation's name and handle. */
public final class RequestRepository {
    private static final String SELECT = """
            SELECT r.id, r.organisation_id, o.name AS organisation_name, o.handle AS organisation_handle, r.sub_kind,
                   r.legal_name, r.domain, r.contact_name, r.contact_email, r.evidence, r.token, r.state,
                   r.domain_check, r.domain_checked_at, r.decision_reason, r.decided_at, r.created_at
            FROM verification_request r JOIN organisation o ON o.id = r.organisation_id
            """;

    /** What the organisation's form sends, checked. */
    record NewRequest(long organisationId, Category.SubKind subKind, String legalName, String domain,
                      String contactName, String contactEmail, String evidence, String token) {
    }

    static VerificationRequest map(Row r) {
        String check = r.str("domain_check");
        return new VerificationRequest(r.lng("id"), r.lng("organisation_id"), r.str("organisation_name"),
                r.str("organisation_handle"), Category.SubKind.parse(r.str("sub_kind")), r.str("legal_name"),
                r.str("domain"), r.str("contact_name"), r.str("contact_email"), r.str("evidence"), r.str("token"),
                r.enumOf(RequestState.class, "state"), check == null ? null : DomainCheckResult.valueOf(check),
                r.instant("domain_checked_at"), r.str("decision_reason"), r.instant("decided_at"),
                r.instant("created_at"));
    }

    /** @return the new id; empty if the organisation has an open request already */
    Optional<Long> insert(Sql tx, NewRequest n, Instant now) {
        return tx.one("""
                INSERT INTO verification_request (organisation_id, category, sub_kind, legal_name, domain, contact_name,
                                                  contact_email, evidence, token, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) WHERE state = 'OPEN' DO NOTHING RETURNING id""", r -> r.lng("id"),
                n.organisationId(), n.subKind().category(), n.subKind(), n.legalName(), n.domain(), n.contactName(),
                n.contactEmail(), n.evidence(), n.token(), now, now);
    }

    Optional<VerificationRequest> byId(Sql sql, long id) {
        return sql.one(SELECT + "WHERE r.id = ?", RequestRepository::map, id);
    }

    /** Locks the request until the transaction ends, so two admins cannot decide it twice. */
    Optional<VerificationRequest> lock(Sql tx, long id) {
        return tx.one(SELECT + "WHERE r.id = ? FOR UPDATE OF r", RequestRepository::map, id);
    }

    /** The organisation's requests, newest first (a handful at most). */
    List<VerificationRequest> ofOrganisation(Sql sql, long organisationId) {
        return sql.list(SELECT + "WHERE r.organisation_id = ? ORDER BY r.id DESC LIMIT 20", RequestRepository::map,
                organisationId);
    }

    /** Open requests first, then the rest, newest first; keyset-paged by id within each group. */
    List<VerificationRequest> page(Sql sql, boolean open, long beforeId, int limit) {
        return sql.list(SELECT + "WHERE (r.state = 'OPEN') = ? AND r.id < ? ORDER BY r.id DESC LIMIT ?",
                RequestRepository::map, open, beforeId, limit);
    }

    void domainChecked(Sql sql, long id, DomainCheckResult result, Instant now) {
        sql.update("UPDATE verification_request SET domain_check = ?, domain_checked_at = ?, updated_at = ? WHERE id = ?",
                result, now, now, id);
    }

    void decide(Sql tx, long id, RequestState state, String reason, long adminId, Instant now) {
        tx.update("""
                UPDATE verification_request SET state = ?, decision_reason = ?, decided_at = ?, decided_by = ?,
                                                updated_at = ?
                WHERE id = ?""", state, reason, now, adminId, now, id);
    }
}
