package de.offenekommune.node.organisation;

import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code organisation}: one indexed lookup per call. */
public final class OrganisationRepository {
    private static final String SELECT = "SELECT id, account_id, handle, name, summary, created_at, deleted_at "
            + "FROM organisation ";

    static Organisation map(Row r) {
        return new Organisation(r.lng("id"), r.lng("account_id"), r.str("handle"), r.str("name"), r.str("summary"),
                r.instant("created_at"), r.instant("deleted_at"));
    }

    /** @return the new id; empty if the account has an organisation already or the handle is taken */
    Optional<Long> insert(Sql tx, long accountId, String handle, String name, String summary, Instant now) {
        return tx.one("""
                INSERT INTO organisation (account_id, handle, name, summary, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""", r -> r.lng("id"),
                accountId, handle, name, summary, now, now);
    }

    public Optional<Organisation> byAccount(Sql sql, long accountId) {
        return sql.one(SELECT + "WHERE account_id = ?", OrganisationRepository::map, accountId);
    }

    public Optional<Organisation> byHandle(Sql sql, String handle) {
        return sql.one(SELECT + "WHERE handle = ?", OrganisationRepository::map, handle);
    }

    public Optional<Organisation> byId(Sql sql, long id) {
        return sql.one(SELECT + "WHERE id = ?", OrganisationRepository::map, id);
    }
}
