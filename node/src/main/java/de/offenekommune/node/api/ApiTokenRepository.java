package de.offenekommune.node.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.db.Sql;

/** SQL for API tokens. The lookup by hash joins the owning account in the same query. */
public final class ApiTokenRepository {

    /** A token found by its hash, with its live owner. */
    record Found(long id, Instant revokedAt, Instant lastUsedAt, Account account) {
    }

    long insert(Sql sql, byte[] hash, String name, long accountId, Long createdBy, Instant now) {
        return sql.one("INSERT INTO api_token (token_hash, name, account_id, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) RETURNING id", r -> r.lng("id"), hash, name, accountId, createdBy,
                now).orElseThrow();
    }

    Optional<Found> byHash(Sql sql, byte[] hash) {
        return sql.one("""
                SELECT t.id AS token_id, t.revoked_at, t.last_used_at, a.id, a.email, a.display_name, a.username,
                       a.role, a.locale, a.confirmed_at, a.created_at
                FROM api_token t JOIN account a ON a.id = t.account_id AND a.deleted_at IS NULL
                WHERE t.token_hash = ?""", r -> new Found(r.lng("token_id"), r.instant("revoked_at"),
                r.instant("last_used_at"), AccountRepository.map(r)), hash);
    }

    /** Coarse last-use time: written at most once a minute per token, so reads stay reads. */
    void touch(Sql sql, long id, Instant now) {
        sql.update("UPDATE api_token SET last_used_at = ? WHERE id = ? "
                + "AND (last_used_at IS NULL OR last_used_at < ?)", now, id, now.minusSeconds(60));
    }

    boolean revoke(Sql sql, long id, Instant now) {
        return sql.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id) == 1;
    }

    /** Newest first, bounded: a node has a handful of tokens. */
    List<ApiToken> list(Sql sql, int limit) {
        return sql.list("""
                SELECT t.id, t.name, t.account_id, a.display_name, a.username, c.display_name AS created_by_name,
                       t.created_at, t.last_used_at, t.revoked_at
                FROM api_token t JOIN account a ON a.id = t.account_id
                LEFT JOIN account c ON c.id = t.created_by
                ORDER BY t.revoked_at IS NOT NULL, t.id DESC LIMIT ?""", r -> new ApiToken(r.lng("id"),
                r.str("name"), r.lng("account_id"), r.str("display_name"), r.str("username"),
                r.str("created_by_name"), r.instant("created_at"), r.instant("last_used_at"),
                r.instant("revoked_at")), limit);
    }

    Optional<Account> accountByUsername(Sql sql, String username) {
        return sql.one("SELECT " + "a.id, a.email, a.display_name, a.username, a.role, a.locale, a.confirmed_at, "
                + "a.created_at FROM account a WHERE lower(a.username) = lower(?) AND a.deleted_at IS NULL",
                AccountRepository::map, username);
    }
}
