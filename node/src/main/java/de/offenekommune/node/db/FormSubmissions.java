package de.offenekommune.node.db;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;

/**
 * Claims of form keys ({@link FormKey}), in the transaction that creates the object. Concurrent
 * requests with the same key queue on the primary key: the second waits until the first commits
 * and then finds its object, so "check, then insert" races cannot happen.
 */
public final class FormSubmissions {
    /** Longer than any double click or re-sent form; older claims are pruned. */
    static final Duration KEPT = Duration.ofDays(1);

    private FormSubmissions() {
    }

    /**
     * @param key null for callers without a form (the API): nothing is claimed
     * @return empty if the key is fresh (the caller creates the object and calls {@link #complete});
     *         the id of the object the key created before otherwise
     */
    public static OptionalLong claim(Sql tx, FormKey key, String kind, Instant now) {
        if (key == null) {
            return OptionalLong.empty();
        }
        boolean fresh = tx.one("""
                WITH pruned AS (DELETE FROM form_submission WHERE account_id = ? AND created_at < ?)
                INSERT INTO form_submission (account_id, key, kind, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id, key) DO NOTHING RETURNING key""", r -> true,
                key.accountId(), now.minus(KEPT), key.accountId(), key.value(), kind, now).isPresent();
        if (fresh) {
            return OptionalLong.empty();
        }
        // A key sent for another kind of form is not a repeat of this one: refuse rather than mix them up.
        return tx.one("SELECT object_id FROM form_submission WHERE account_id = ? AND key = ? AND kind = ?",
                        r -> r.lngOrNull("object_id"), key.accountId(), key.value(), kind)
                .filter(java.util.Objects::nonNull)
                .map(OptionalLong::of)
                .orElseThrow(() -> HttpError.conflict("form.error.form-key-used"));
    }

    /** Records which object the fresh key created (same transaction as {@link #claim}). */
    public static void complete(Sql tx, FormKey key, long objectId) {
        if (key != null) {
            tx.update("UPDATE form_submission SET object_id = ? WHERE account_id = ? AND key = ?", objectId,
                    key.accountId(), key.value());
        }
    }
}
