package de.offenekommune.node.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for accounts and their one-time tokens. */
public final class AccountRepository {
    static final String COLUMNS = "a.id, a.email, a.display_name, a.username, a.role, a.locale, a.confirmed_at, a.created_at";

    /** An account with its stored password hash, only for the login check. */
    public record Credentials(Account account, String passwordHash) {
    }

    public static Account map(Row r) {
        return new Account(r.lng("id"), r.str("email"), r.str("display_name"), r.str("username"),
                Role.valueOf(r.str("role")), r.str("locale"), r.instant("confirmed_at"), r.instant("created_at"));
    }

    /** @return the new id, or empty if the e-mail address or user name is taken */
    public Optional<Long> insert(Sql sql, String email, String displayName, String username, String passwordHash,
                                 Role role, String locale, Instant confirmedAt) {
        return sql.one("""
                INSERT INTO account (email, display_name, username, password_hash, role, locale, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id""", r -> r.lng("id"), email, displayName, username, passwordHash, role, locale, confirmedAt);
    }

    public Optional<Account> byId(Sql sql, long id) {
        return sql.one("SELECT " + COLUMNS + " FROM account a WHERE a.id = ? AND a.deleted_at IS NULL",
                AccountRepository::map, id);
    }

    /** A confirmed, live account by user name (the citizen's ActivityPub actor). */
    public Optional<Account> byUsername(Sql sql, String username) {
        return sql.one("SELECT " + COLUMNS + " FROM account a WHERE lower(a.username) = lower(?) "
                + "AND a.deleted_at IS NULL AND a.confirmed_at IS NOT NULL", AccountRepository::map, username);
    }

    /** A deleted account's user name stays reserved: its actor URL answers 410 with the time of deletion. */
    public Optional<Instant> deletedAt(Sql sql, String username) {
        return sql.one("SELECT deleted_at FROM account WHERE lower(username) = lower(?) AND deleted_at IS NOT NULL",
                r -> r.instant("deleted_at"), username);
    }

    public Optional<Account> byEmail(Sql sql, String email) {
        return sql.one("SELECT " + COLUMNS + " FROM account a WHERE lower(a.email) = lower(?) AND a.deleted_at IS NULL",
                AccountRepository::map, email);
    }

    public Optional<Credentials> credentials(Sql sql, String email) {
        return sql.one("SELECT " + COLUMNS + ", a.password_hash FROM account a "
                        + "WHERE lower(a.email) = lower(?) AND a.deleted_at IS NULL",
                r -> new Credentials(map(r), r.str("password_hash")), email);
    }

    public boolean emailOrUsernameTaken(Sql sql, String email, String username) {
        return sql.exists("SELECT 1 FROM account WHERE lower(email) = lower(?) OR lower(username) = lower(?)",
                email, username);
    }

    /** Accounts for the admin list, newest first, keyset-paged by id. */
    public List<Account> page(Sql sql, long beforeId, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM account a WHERE a.deleted_at IS NULL AND a.id < ? "
                + "ORDER BY a.id DESC LIMIT ?", AccountRepository::map, beforeId, limit);
    }

    /** Admins and staff, admins first (the admin CLI lists them). */
    public List<Account> staff(Sql sql) {
        return sql.list("SELECT " + COLUMNS + " FROM account a WHERE a.deleted_at IS NULL AND a.role IN ('ADMIN', 'STAFF') "
                + "ORDER BY a.role = 'ADMIN' DESC, a.id", AccountRepository::map);
    }

    public long countAdmins(Sql sql) {
        return sql.count("SELECT count(*) FROM account WHERE role = 'ADMIN' AND deleted_at IS NULL");
    }

    public boolean setRole(Sql sql, long id, Role role) {
        return sql.update("UPDATE account SET role = ? WHERE id = ? AND deleted_at IS NULL", role, id) == 1;
    }

    public boolean setPassword(Sql sql, long id, String passwordHash) {
        return sql.update("UPDATE account SET password_hash = ? WHERE id = ?", passwordHash, id) == 1;
    }

    public void confirm(Sql sql, long id, Instant at) {
        sql.update("UPDATE account SET confirmed_at = coalesce(confirmed_at, ?) WHERE id = ?", at, id);
    }

    public void insertToken(Sql sql, byte[] tokenHash, long accountId, String purpose, Instant expiresAt) {
        sql.update("INSERT INTO account_token (token_hash, account_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
                tokenHash, accountId, purpose, expiresAt);
    }

    /** Marks the token used and returns its account, only if it is unused, unexpired and of that purpose. */
    public Optional<Long> useToken(Sql sql, byte[] tokenHash, String purpose, Instant now) {
        return sql.one("""
                UPDATE account_token SET used_at = ?
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                RETURNING account_id""", r -> r.lng("account_id"), now, tokenHash, purpose, now);
    }
}
