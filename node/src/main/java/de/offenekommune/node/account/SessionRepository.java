package de.offenekommune.node.account;

import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.db.Sql;

/** Sessions live in PostgreSQL so every node process serving the town sees the same ones. */
public final class SessionRepository {

    public record SessionRow(Account account, Instant lastSeenAt) {
    }

    public void insert(Sql sql, byte[] tokenHash, long accountId, Instant expiresAt, String userAgent) {
        sql.update("INSERT INTO session (token_hash, account_id, expires_at, user_agent) VALUES (?, ?, ?, ?)",
                tokenHash, accountId, expiresAt, userAgent);
    }

    /** One indexed lookup per request: the session joined with its account. */
    public Optional<SessionRow> find(Sql sql, byte[] tokenHash, Instant now) {
        return sql.one("SELECT " + AccountRepository.COLUMNS + ", s.last_seen_at FROM session s "
                        + "JOIN account a ON a.id = s.account_id "
                        + "WHERE s.token_hash = ? AND s.expires_at > ? AND a.deleted_at IS NULL",
                r -> new SessionRow(AccountRepository.map(r), r.instant("last_seen_at")), tokenHash, now);
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
