package de.offenekommune.node.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;

/**
 * Everything the node holds about one account, as one JSON document (DSGVO Art. 15 and 20): one
 * query per kind of record, each by an indexed account column. Secrets (password hash, session and
 * token hashes) are never part of it.
 */
public final class DataExport {
    static final String FORMAT = "offenekommune-personal-data/1";

    private final Sql sql;
    private final NodeUris uris;
    private final Followers followers;
    private final Clock clock;

    public DataExport(Sql sql, NodeUris uris, Followers followers, Clock clock) {
        this.sql = sql;
        this.uris = uris;
        this.followers = followers;
        this.clock = clock;
    }

    /** @throws HttpError 404 for an unknown or deleted account */
    public ObjectNode export(long accountId) {
        return sql.inTransaction(tx -> {
            ObjectNode doc = ActivityJson.newObject().put("format", FORMAT).put("node", uris.base());
            time(doc, "exportedAt", clock.instant());
            ObjectNode account = tx.one("""
                    SELECT id, email, display_name, username, role, locale, confirmed_at, created_at
                    FROM account WHERE id = ? AND deleted_at IS NULL""", DataExport::account, accountId)
                    .orElseThrow(HttpError::notFound);
            doc.set("account", account);
            String username = account.path("username").asText();
            doc.set("proposals", list(tx, """
                    SELECT id, title, summary, body_markdown, topic, location, status, outcome, supports,
                           answer_markdown, created_at, updated_at, deleted_at
                    FROM proposal WHERE author_account_id = ? ORDER BY id""", this::proposal, accountId));
            doc.set("supports", list(tx, """
                    SELECT s.proposal_id, p.title, s.created_at FROM support s JOIN proposal p ON p.id = s.proposal_id
                    WHERE s.supporter_account_id = ? ORDER BY s.id""", this::support, accountId));
            doc.set("comments", list(tx, """
                    SELECT id, target_kind, target_id, parent_id, body_markdown, created_at, edited_at, deleted_at
                    FROM comment WHERE author_account_id = ? ORDER BY id""", this::comment, accountId));
            doc.set("surveyAnswers", list(tx, """
                    SELECT r.survey_id, s.title, r.created_at, q.text AS question, o.label, a.text
                    FROM survey_response r JOIN survey s ON s.id = r.survey_id
                    LEFT JOIN survey_answer a ON a.response_id = r.id
                    LEFT JOIN survey_question q ON q.id = a.question_id
                    LEFT JOIN survey_option o ON o.id = a.option_id
                    WHERE r.responder_account_id = ? ORDER BY r.id, q.position, o.position""",
                    DataExport::answer, accountId));
            doc.set("organisation", tx.one("""
                    SELECT id, handle, name, summary, created_at FROM organisation
                    WHERE account_id = ? AND deleted_at IS NULL""", DataExport::organisation, accountId).orElse(null));
            doc.set("statements", list(tx, """
                    SELECT st.id, st.target_kind, st.target_id, st.body_markdown, st.created_at, st.deleted_at
                    FROM statement st JOIN organisation o ON o.id = st.organisation_id
                    WHERE o.account_id = ? ORDER BY st.id""", DataExport::statement, accountId));
            doc.set("flags", list(tx, """
                    SELECT target_kind, target_id, reason, created_at, resolved_at, resolution
                    FROM moderation_flag WHERE reporter_account_id = ? ORDER BY id""", DataExport::flag, accountId));
            doc.set("sessions", list(tx, """
                    SELECT created_at, last_seen_at, expires_at, user_agent FROM session
                    WHERE account_id = ? ORDER BY created_at""", DataExport::session, accountId));
            doc.set("mails", list(tx, """
                    SELECT subject, created_at, sent_at FROM mail_outbox WHERE lower(recipient) = lower(?)
                    ORDER BY id""", DataExport::mail, account.path("email").asText()));
            doc.set("apiTokens", list(tx, """
                    SELECT name, created_at, last_used_at, revoked_at FROM api_token WHERE account_id = ?
                    ORDER BY id""", DataExport::token, accountId));
            doc.set("addressees", list(tx, "SELECT id, name FROM addressee WHERE account_id = ? ORDER BY id",
                    r -> ActivityJson.newObject().put("id", r.lng("id")).put("name", r.str("name")), accountId));
            doc.set("neighbourhood", list(tx, """
                    SELECT ra.kind, i.ap_id, i.name, ra.body_html, ra.created_at, ra.deleted_at
                    FROM ap_remote_action ra JOIN ap_neighbour_item i ON i.id = ra.item_id
                    WHERE ra.account_id = ? ORDER BY ra.id""", DataExport::remoteAction, accountId));
            doc.set("fediverseActor", actor(username));
            return doc;
        });
    }

    private ObjectNode actor(String username) {
        String id = uris.person(username);
        // A citizen's actor follows nobody; who follows it is counted, not listed (as its followers collection).
        return ActivityJson.newObject().put("id", id).put("followers", followers.count(id)).put("following", 0);
    }

    private static ArrayNode list(Sql tx, String query, Sql.RowMapper<ObjectNode> mapper, Object... params) {
        ArrayNode out = ActivityJson.mapper().createArrayNode();
        List<ObjectNode> rows = tx.list(query, mapper, params);
        rows.forEach(out::add);
        return out;
    }

    private static ObjectNode account(Row r) {
        ObjectNode a = ActivityJson.newObject().put("id", r.lng("id")).put("email", r.str("email"))
                .put("displayName", r.str("display_name")).put("username", r.str("username"))
                .put("role", r.str("role")).put("locale", r.str("locale"));
        time(a, "confirmedAt", r.instant("confirmed_at"));
        return time(a, "createdAt", r.instant("created_at"));
    }

    private ObjectNode proposal(Row r) {
        ObjectNode p = ActivityJson.newObject().put("id", r.lng("id")).put("url", uris.proposal(r.lng("id")))
                .put("title", r.str("title")).put("summary", r.str("summary")).put("text", r.str("body_markdown"))
                .put("topic", r.str("topic")).put("location", r.str("location")).put("status", r.str("status"))
                .put("outcome", r.str("outcome")).put("supports", r.integer("supports"))
                .put("officialAnswer", r.str("answer_markdown"));
        time(p, "createdAt", r.instant("created_at"));
        time(p, "updatedAt", r.instant("updated_at"));
        return time(p, "deletedAt", r.instant("deleted_at"));
    }

    private ObjectNode support(Row r) {
        ObjectNode s = ActivityJson.newObject().put("proposal", uris.proposal(r.lng("proposal_id")))
                .put("title", r.str("title"));
        return time(s, "createdAt", r.instant("created_at"));
    }

    private ObjectNode comment(Row r) {
        ObjectNode c = ActivityJson.newObject().put("id", r.lng("id")).put("url", uris.comment(r.lng("id")))
                .put("targetKind", r.str("target_kind")).put("targetId", r.lng("target_id"))
                .put("text", r.str("body_markdown"));
        Long parent = r.lngOrNull("parent_id");
        if (parent != null) {
            c.put("inReplyTo", uris.comment(parent));
        }
        time(c, "createdAt", r.instant("created_at"));
        time(c, "editedAt", r.instant("edited_at"));
        return time(c, "deletedAt", r.instant("deleted_at"));
    }

    private static ObjectNode answer(Row r) {
        ObjectNode a = ActivityJson.newObject().put("surveyId", r.lng("survey_id")).put("survey", r.str("title"))
                .put("question", r.str("question")).put("option", r.str("label")).put("text", r.str("text"));
        return time(a, "answeredAt", r.instant("created_at"));
    }

    private static ObjectNode organisation(Row r) {
        ObjectNode o = ActivityJson.newObject().put("id", r.lng("id")).put("handle", r.str("handle"))
                .put("name", r.str("name")).put("summary", r.str("summary"));
        return time(o, "createdAt", r.instant("created_at"));
    }

    private static ObjectNode statement(Row r) {
        ObjectNode s = ActivityJson.newObject().put("id", r.lng("id")).put("targetKind", r.str("target_kind"))
                .put("targetId", r.lng("target_id")).put("text", r.str("body_markdown"));
        time(s, "createdAt", r.instant("created_at"));
        return time(s, "deletedAt", r.instant("deleted_at"));
    }

    private static ObjectNode flag(Row r) {
        ObjectNode f = ActivityJson.newObject().put("targetKind", r.str("target_kind"))
                .put("targetId", r.lng("target_id")).put("reason", r.str("reason"))
                .put("resolution", r.str("resolution"));
        time(f, "createdAt", r.instant("created_at"));
        return time(f, "resolvedAt", r.instant("resolved_at"));
    }

    private static ObjectNode session(Row r) {
        ObjectNode s = ActivityJson.newObject().put("userAgent", r.str("user_agent"));
        time(s, "createdAt", r.instant("created_at"));
        time(s, "lastSeenAt", r.instant("last_seen_at"));
        return time(s, "expiresAt", r.instant("expires_at"));
    }

    private static ObjectNode mail(Row r) {
        ObjectNode m = ActivityJson.newObject().put("subject", r.str("subject"));
        time(m, "queuedAt", r.instant("created_at"));
        return time(m, "sentAt", r.instant("sent_at"));
    }

    private static ObjectNode token(Row r) {
        ObjectNode t = ActivityJson.newObject().put("name", r.str("name"));
        time(t, "createdAt", r.instant("created_at"));
        time(t, "lastUsedAt", r.instant("last_used_at"));
        return time(t, "revokedAt", r.instant("revoked_at"));
    }

    private static ObjectNode remoteAction(Row r) {
        ObjectNode a = ActivityJson.newObject().put("kind", r.str("kind")).put("object", r.str("ap_id"))
                .put("title", r.str("name")).put("html", r.str("body_html"));
        time(a, "createdAt", r.instant("created_at"));
        return time(a, "deletedAt", r.instant("deleted_at"));
    }

    private static ObjectNode time(ObjectNode node, String field, Instant value) {
        return value == null ? node.putNull(field) : node.put(field, value.toString());
    }
}
