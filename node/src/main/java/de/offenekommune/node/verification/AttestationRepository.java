package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code verification_attestation}: the organisations' rows (member nodes': {@link NodeAttestationRepository}). */
public final class AttestationRepository {
    private static final String SELECT = """
            SELECT uuid, organisation_id, request_id, document, category, legal_name, domain, valid_from, valid_until,
                   revoked_at, revocation_reason FROM verification_attestation
            """;

    static IssuedAttestation map(Row r) {
        return new IssuedAttestation(r.uuid("uuid"), r.lng("organisation_id"), r.lng("request_id"), r.str("document"),
                r.enumOf(Category.class, "category"), r.str("legal_name"), r.str("domain"), r.instant("valid_from"),
                r.instant("valid_until"), r.instant("revoked_at"), r.str("revocation_reason"));
    }

    void insert(Sql tx, IssuedAttestation a) {
        tx.update("""
                INSERT INTO verification_attestation (uuid, organisation_id, request_id, document, category, legal_name,
                                                      domain, valid_from, valid_until)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?)""", a.uuid().toString(), a.organisationId(),
                a.requestId(), a.document(), a.category(), a.legalName(), a.domain(), a.validFrom(), a.validUntil());
    }

    /** The organisation's attestations that stand now (normally one), newest first. */
    public List<IssuedAttestation> live(Sql sql, long organisationId, Instant now) {
        return sql.list(SELECT + "WHERE organisation_id = ? AND revoked_at IS NULL AND valid_from <= ? AND valid_until > ? "
                + "ORDER BY valid_until DESC", AttestationRepository::map, organisationId, now, now);
    }

    /** The id of the account's organisation if an attestation of it stands now: one query. */
    public Optional<Long> verifiedOrganisationOf(Sql sql, long accountId, Instant now) {
        return sql.one("""
                SELECT o.id FROM organisation o JOIN verification_attestation a ON a.organisation_id = o.id
                WHERE o.account_id = ? AND o.deleted_at IS NULL AND a.revoked_at IS NULL AND a.valid_from <= ?
                  AND a.valid_until > ? LIMIT 1""", r -> r.lng("id"), accountId, now, now);
    }

    Optional<IssuedAttestation> ofRequest(Sql sql, long requestId) {
        return sql.one(SELECT + "WHERE request_id = ?", AttestationRepository::map, requestId);
    }

    /** The signed document of any attestation issued here (an organisation's or a member node's). */
    public Optional<String> document(Sql sql, UUID uuid) {
        return sql.one("SELECT document FROM verification_attestation WHERE uuid = CAST(? AS uuid)",
                r -> r.str("document"), uuid.toString());
    }

    /** @return false if it was revoked already */
    boolean revoke(Sql tx, UUID uuid, String reason, Instant now) {
        return tx.update("UPDATE verification_attestation SET revoked_at = ?, revocation_reason = ? "
                + "WHERE uuid = CAST(? AS uuid) AND revoked_at IS NULL", now, reason, uuid.toString()) == 1;
    }

    /** Every revoked attestation (organisations' and member nodes'), for the revocation list, in a stable order. */
    List<Revoked> revoked(Sql sql) {
        return sql.list("""
                SELECT uuid, revocation_reason, revoked_at FROM verification_attestation WHERE revoked_at IS NOT NULL
                ORDER BY revoked_at, uuid""", r -> new Revoked(r.uuid("uuid"), r.str("revocation_reason"),
                r.instant("revoked_at")));
    }

    /** A revoked attestation as the revocation list names it. */
    record Revoked(UUID uuid, String reason, Instant revokedAt) {
    }
}
