package de.offenekommune.node.account;

import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.db.Sql;

/** Sessions live in PostgreSQL so every node process serving the town sees the same ones. */
public final class SessionRepository {

    /** @param verifiedOrganisation whether the account's organisation is verified here now (statement forms) */
    public record SessionRow(Account account, Instant lastSeenAt, boolean verifiedOrganisation) {
    }

    public void insert(Sql sql, byte[] tokenHash, long accountId, Instant expiresAt, String userAgent) {
        sql.update("INSERT INTO session (token_hash, account_id, expires_at, user_agent) VALUES (?, ?, ?, ?)",
                tokenHash, accountId, expiresAt, userAgent);
    }

    /**
     * One indexed lookup per request: the session joined with its account, and whether the account
     * speaks for an organisation verified now (read with the session rather than by a second statement
     * on the pages that offer the statement form; as fresh as the session itself).
     */
    public Optional<SessionRow> find(Sql sql, byte[] tokenHash, Instant now) {
        return sql.one("SELECT " + AccountRepository.COLUMNS + ", s.last_seen_at, EXISTS (SELECT 1 FROM organisation o "
                        + "JOIN verification_attestation v ON v.organisation_id = o.id WHERE o.account_id = a.id "
                        + "AND o.deleted_at IS NULL AND v.revoked_at IS NULL AND v.valid_from <= ? AND v.valid_until > ?) "
                        + "AS verified_organisation FROM session s JOIN account a ON a.id = s.account_id "
                        + "WHERE s.token_hash = ? AND s.expires_at > ? AND a.deleted_at IS NULL",
                r -> new SessionRow(AccountRepository.map(r), r.instant("last_seen_at"), r.bool("verified_organisation")),
                now, now, tokenHash, now);
    }

    public void touch(Sql sql, byte[] tokenHash, Instant now) {
        sql.update("UPDATE session SET last_seen_at = ? WHERE token_hash = ?", now, tokenHash);
    }

    public void delete(Sql sql, byte[] tokenHash) {
        sql.update("DELETE FROM session WHERE token_hash = ?", (Object) tokenHash);
    }

    public void deleteAllOf(Sql sql, long accountId) {
        sql.update("DELETE FROM session WHERE account_id = ?", accountId);
    }

    public long deleteExpired(Sql sql, Instant now) {
        return sql.update("DELETE FROM session WHERE expires_at <= ?", now);
    }
}
