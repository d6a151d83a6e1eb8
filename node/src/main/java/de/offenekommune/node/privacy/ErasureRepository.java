package de.offenekommune.node.privacy;

import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.db.Sql;

/**
 * The SQL of an account's erasure (DSGVO Art. 17), each statement bounded by an indexed column of
 * the account. The rule: what others built on stays readable without its author ("Gelöschtes
 * Konto"); what nobody answered, supported or handled goes; counts stay as they were.
 */
final class ErasureRepository {

    /** The account row, locked for the erasure, so two deletions of one account run one after the other. */
    record Locked(long id, String email, String username, Role role) {
    }

    /** What the erasure did, for the log and the page. */
    record Counts(long keptComments, long removedComments, long keptProposals, long removedProposals) {
    }

    Optional<Locked> lock(Sql tx, long accountId) {
        return tx.one("SELECT id, email, username, role FROM account WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
                r -> new Locked(r.lng("id"), r.str("email"), r.str("username"), Role.valueOf(r.str("role"))),
                accountId);
    }

    long otherAdmins(Sql tx, long accountId) {
        return tx.count("SELECT count(*) FROM account WHERE role = 'ADMIN' AND deleted_at IS NULL AND id <> ?",
                accountId);
    }

    /**
     * Comments: one that someone else answered keeps its text without its author; the others are
     * removed like a deleted comment (body cleared, the place in the thread stays).
     */
    Counts contributions(Sql tx, long accountId, Instant now) {
        long keptComments = tx.update("""
                UPDATE comment c SET author_account_id = NULL, updated_at = ?
                WHERE c.author_account_id = ? AND c.deleted_at IS NULL
                  AND EXISTS (SELECT 1 FROM comment r WHERE r.parent_id = c.id AND r.deleted_at IS NULL
                              AND r.author_account_id IS DISTINCT FROM ?)""", now, accountId, accountId);
        long removedComments = tx.update("""
                UPDATE comment SET author_account_id = NULL, body_markdown = NULL, body_html = '',
                       deleted_at = coalesce(deleted_at, ?), updated_at = ?
                WHERE author_account_id = ?""", now, now, accountId);
        // A proposal others supported or commented on, or that the administration took up, belongs to
        // the public procedure: it stays without its author. Otherwise it goes, text and all.
        long keptProposals = tx.update("""
                UPDATE proposal p SET author_account_id = NULL, submission_key = NULL, updated_at = ?
                WHERE p.author_account_id = ? AND p.deleted_at IS NULL
                  AND (p.supports > 0 OR p.status <> 'SUBMITTED'
                       OR EXISTS (SELECT 1 FROM comment c WHERE c.target_kind = 'proposal' AND c.target_id = p.id
                                  AND c.deleted_at IS NULL)
                       OR EXISTS (SELECT 1 FROM statement s WHERE s.target_kind = 'proposal' AND s.target_id = p.id
                                  AND s.deleted_at IS NULL))""", now, accountId);
        long removedProposals = tx.update("""
                UPDATE proposal SET author_account_id = NULL, submission_key = NULL, title = '', summary = '',
                       body_markdown = '', body_html = '', location = NULL,
                       deleted_at = coalesce(deleted_at, ?), updated_at = ?
                WHERE author_account_id = ?""", now, now, accountId);
        return new Counts(keptComments, removedComments, keptProposals, removedProposals);
    }

    /**
     * Everything else that names the person. Local supports and survey responses stay linked to the
     * anonymised account row: they keep counting, and nobody can tell whose they were.
     */
    void personalRecords(Sql tx, Locked a) {
        tx.update("DELETE FROM session WHERE account_id = ?", a.id());
        tx.update("DELETE FROM account_token WHERE account_id = ?", a.id());
        tx.update("DELETE FROM api_token WHERE account_id = ?", a.id());
        tx.update("UPDATE api_token SET created_by = NULL WHERE created_by = ?", a.id());
        tx.update("DELETE FROM form_submission WHERE account_id = ?", a.id());
        tx.update("DELETE FROM auth_attempt WHERE key = lower(?)", a.email());
        tx.update("DELETE FROM mail_outbox WHERE lower(recipient) = lower(?)", a.email());
        tx.update("UPDATE moderation_flag SET reporter_account_id = NULL WHERE reporter_account_id = ?", a.id());
        tx.update("UPDATE addressee SET account_id = NULL WHERE account_id = ?", a.id());
        tx.update("DELETE FROM ap_remote_action WHERE account_id = ?", a.id());
    }

    /** The organisation of an organisation account: its actor answers 410 from now on; returns its handle. */
    Optional<String> organisation(Sql tx, long accountId, Instant now) {
        Optional<String> handle = tx.one("""
                UPDATE organisation SET deleted_at = ?, updated_at = ?
                WHERE account_id = ? AND deleted_at IS NULL RETURNING handle""", r -> r.str("handle"),
                now, now, accountId);
        // The contact person named in a verification request is a natural person: their name and address go.
        tx.update("""
                UPDATE verification_request SET contact_name = '', contact_email = '', updated_at = ?
                WHERE organisation_id IN (SELECT id FROM organisation WHERE account_id = ?)""", now, accountId);
        return handle;
    }

    /**
     * The account row stays as an anonymous stub: its user name keeps the (now gone) actor URL
     * reserved, so nobody can register it and inherit the old identity in the fediverse.
     */
    void anonymise(Sql tx, long accountId, Instant now) {
        tx.update("""
                UPDATE account SET email = 'geloescht-' || id || '.' || substr(md5(random()::text), 1, 12)
                                           || '@invalid',
                       display_name = '', password_hash = '', role = 'CITIZEN', deleted_at = ?
                WHERE id = ?""", now, accountId);
    }
}
