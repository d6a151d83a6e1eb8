package de.offenekommune.node.statement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.organisation.Organisation;

/**
 * SQL for statements. A target's statements are one query with their authors and badges joined: a
 * local organisation's attestation that stands now, or a remote author's last verified check.
 */
public final class StatementRepository {
    private static final String SELECT = """
            SELECT s.id, s.target_kind, s.target_id, s.organisation_id, o.name AS org_name, o.handle AS org_handle,
                   s.remote_actor, s.remote_name, s.remote_url, s.ap_id, s.body_markdown, s.body_html, s.created_at,
                   s.deleted_at,
                   COALESCE(la.legal_name, CASE WHEN rs.verified AND rs.valid_until > ? AND rs.category <> 'municipality_node'
                            THEN rs.legal_name END)
                       AS verified_as
            FROM statement s
            LEFT JOIN organisation o ON o.id = s.organisation_id
            LEFT JOIN LATERAL (SELECT a.legal_name FROM verification_attestation a
                               WHERE a.organisation_id = s.organisation_id AND a.revoked_at IS NULL
                                 AND a.valid_from <= ? AND a.valid_until > ?
                               ORDER BY a.valid_until DESC LIMIT 1) la ON true
            LEFT JOIN verification_remote_status rs ON rs.actor_uri = s.remote_actor
            """;

    private final String base;

    /** @param baseUrl the node's base URL: local organisations' actor ids are built from it */
    public StatementRepository(String baseUrl) {
        this.base = baseUrl;
    }

    /** A statement by a local organisation, checked and rendered. */
    public record NewStatement(String targetKind, long targetId, long organisationId, String markdown, String html,
                               Instant now) {
    }

    /** A statement from a remote organisation, sanitised. */
    public record NewRemoteStatement(String targetKind, long targetId, String actor, String name, String profileUrl,
                                     String apId, String html, Instant published) {
    }

    long insert(Sql tx, NewStatement s) {
        return tx.one("""
                INSERT INTO statement (target_kind, target_id, organisation_id, body_markdown, body_html, created_at,
                                       updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", r -> r.lng("id"), s.targetKind(), s.targetId(),
                s.organisationId(), s.markdown(), s.html(), s.now(), s.now()).orElseThrow();
    }

    /** @return the new id; empty if a statement with this ActivityPub id exists already */
    Optional<Long> insertRemote(Sql tx, NewRemoteStatement s, Instant now) {
        return tx.one("""
                INSERT INTO statement (target_kind, target_id, remote_actor, remote_name, remote_url, ap_id, body_html,
                                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ap_id) DO NOTHING RETURNING id""", r -> r.lng("id"),
                s.targetKind(), s.targetId(), s.actor(), s.name(), s.profileUrl(), s.apId(), s.html(), s.published(),
                now);
    }

    /** A target's live statements, oldest first (a handful by nature; bounded). */
    public List<Statement> ofTarget(Sql sql, String kind, long targetId, Instant now, int limit) {
        return sql.list(SELECT + "WHERE s.target_kind = ? AND s.target_id = ? AND s.deleted_at IS NULL "
                + "ORDER BY s.id LIMIT ?", this::map, now, now, now, kind, targetId, limit);
    }

    public Optional<Statement> byId(Sql sql, long id, Instant now) {
        return sql.one(SELECT + "WHERE s.id = ?", this::map, now, now, now, id);
    }

    public Optional<Long> idByApId(Sql sql, String apId) {
        return sql.one("SELECT id FROM statement WHERE ap_id = ?", r -> r.lng("id"), apId);
    }

    boolean softDelete(Sql tx, long id, Instant now) {
        return tx.update("UPDATE statement SET body_markdown = NULL, body_html = '', deleted_at = ?, updated_at = ? "
                + "WHERE id = ? AND deleted_at IS NULL", now, now, id) == 1;
    }

    /** A remote statement deleted by its author; returns its id. */
    Optional<Long> softDeleteRemote(Sql tx, String apId, String actor, Instant now) {
        return tx.one("""
                UPDATE statement SET body_html = '', deleted_at = ?, updated_at = ?
                WHERE ap_id = ? AND remote_actor = ? AND deleted_at IS NULL RETURNING id""", r -> r.lng("id"),
                now, now, apId, actor);
    }

    private Statement map(Row r) {
        Long org = r.lngOrNull("organisation_id");
        String actor = org != null ? base + Organisation.path(r.str("org_handle")) : r.str("remote_actor");
        String url = org != null ? Organisation.path(r.str("org_handle")) : r.str("remote_url");
        return new Statement(r.lng("id"), r.str("target_kind"), r.lng("target_id"), org,
                org != null ? r.str("org_name") : r.str("remote_name"), actor, url, r.str("ap_id"),
                r.str("body_markdown"), r.str("body_html"), r.instant("created_at"), r.instant("deleted_at"),
                r.str("verified_as"));
    }
}
