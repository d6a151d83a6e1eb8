package de.offenekommune.node.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.offenekommune.node.comment.CommentTarget;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.moderation.Hidden;
import de.offenekommune.node.moderation.ModeratedItem;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HtmlSanitizer;

/** SQL for proposals: insert, load one, the keyset-paged list, status and support counters. */
public final class ProposalRepository {
    public static final String KIND = "proposal";
    private static final String SUMMARY_COLUMNS = """
            p.id, p.title, p.summary, p.topic, p.status, p.outcome, p.local_supports, p.remote_supports,
            p.support_threshold, p.support_deadline, p.threshold_reached_at, p.created_at,
            au.display_name AS author_name, h.reason AS hidden_reason, h.hidden_at""";
    private static final String COMMENT_COUNT = ", (SELECT count(*) FROM comment c WHERE c.target_kind = 'proposal'"
            + " AND c.target_id = p.id AND c.deleted_at IS NULL) AS comments";
    private static final String JOINS = """
             FROM proposal p
            LEFT JOIN account au ON au.id = p.author_account_id
            LEFT JOIN moderation_hidden h ON h.target_kind = 'proposal' AND h.target_id = p.id
            """;

    /** A validated proposal ready to store. */
    public record NewProposal(long authorId, String submissionKey, String title, String summary, String bodyMarkdown,
                              String bodyHtml, Topic topic, String location, int threshold, Instant deadline,
                              Instant now) {
    }

    /** @return the new id, or empty if this author already sent a proposal from the same form */
    public Optional<Long> insert(Sql sql, NewProposal p) {
        return sql.one("""
                INSERT INTO proposal (author_account_id, submission_key, title, summary, body_markdown, body_html, topic,
                                      location, support_threshold, support_deadline, created_at, updated_at,
                                      status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (author_account_id, submission_key) DO NOTHING
                RETURNING id""", r -> r.lng("id"),
                p.authorId(), p.submissionKey(), p.title(), p.summary(), p.bodyMarkdown(), p.bodyHtml(), p.topic(),
                p.location(), p.threshold(), p.deadline(), p.now(), p.now(), p.now());
    }

    public Optional<Long> idBySubmissionKey(Sql sql, long authorId, String submissionKey) {
        return sql.one("SELECT id FROM proposal WHERE author_account_id = ? AND submission_key = ?",
                r -> r.lng("id"), authorId, submissionKey);
    }

    /** One proposal with author, answer and moderation state; deleted ones too (the page answers 410). */
    public Optional<Proposal> byId(Sql sql, long id) {
        return sql.one("SELECT " + SUMMARY_COLUMNS + """
                , p.author_account_id, p.body_markdown, p.body_html, p.location, p.answer_markdown, p.answer_html,
                  p.answered_at, p.updated_at, p.deleted_at, an.display_name AS answered_by_name,
                  aad.name AS answered_as_name
                """ + JOINS + """
                LEFT JOIN account an ON an.id = p.answered_by_account_id
                LEFT JOIN addressee aad ON aad.id = p.answered_as_addressee_id
                WHERE p.id = ?""", ProposalRepository::mapFull, id);
    }

    /** The row locked for a status change, so two answers at once are applied one after the other. */
    public Optional<ProposalStatus> lockStatus(Sql tx, long id) {
        return tx.one("SELECT status FROM proposal WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
                r -> r.enumOf(ProposalStatus.class, "status"), id);
    }

    /** What deciding on a support needs, with the row locked so supports and answers of one proposal queue up. */
    public record SupportState(ProposalStatus status, Instant deadline, boolean deleted) {
        public boolean open(Instant now) {
            return !deleted && status != ProposalStatus.ANSWERED && now.isBefore(deadline);
        }
    }

    public Optional<SupportState> lockForSupport(Sql tx, long id) {
        return tx.one("SELECT status, support_deadline, deleted_at FROM proposal WHERE id = ? FOR UPDATE",
                r -> new SupportState(r.enumOf(ProposalStatus.class, "status"), r.instant("support_deadline"),
                        r.instant("deleted_at") != null), id);
    }

    /** One page of the list, in the query's order, starting after its cursor; {@code limit} rows at most. */
    public List<ProposalSummary> page(Sql sql, ProposalQuery q, int limit) {
        PageQuery pq = pageQuery(q, limit);
        return sql.list(pq.sql(), r -> mapSummary(r, r.lng("comments")), pq.params().toArray());
    }

    /** The list statement with its parameters (public so a test can EXPLAIN exactly what runs). */
    public record PageQuery(String sql, List<Object> params) {
    }

    public PageQuery pageQuery(ProposalQuery q, int limit) {
        StringBuilder where = new StringBuilder(" WHERE p.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (q.status() != null) {
            where.append(" AND p.status = ?");
            params.add(q.status());
        }
        if (q.topic() != null) {
            where.append(" AND p.topic = ?");
            params.add(q.topic());
        }
        if (q.addresseeId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM proposal_addressee pa WHERE pa.proposal_id = p.id"
                    + " AND pa.addressee_id = ?)");
            params.add(q.addresseeId());
        }
        String order;
        if (q.sort() == ProposalQuery.Sort.SUPPORTS) {
            if (q.after() != null) {
                where.append(" AND (p.supports, p.id) < (?, ?)");
                params.add(q.after().supports());
                params.add(q.after().id());
            }
            order = " ORDER BY p.supports DESC, p.id DESC";
        } else {
            if (q.after() != null) {
                where.append(" AND p.id < ?");
                params.add(q.after().id());
            }
            order = " ORDER BY p.id DESC";
        }
        // The comment count is a correlated index scan inside the same statement: no extra round trip.
        // The limit is written into the statement (a number of ours, not input): with "LIMIT ?" the generic
        // plan guesses a tenth of the table, loses to the custom one, and PostgreSQL planned every call anew
        // (0.25-0.45 ms, more than running it).
        return new PageQuery("SELECT " + SUMMARY_COLUMNS + COMMENT_COUNT + JOINS + where + order + " LIMIT "
                + Math.max(0, limit), params);
    }

    public void setStatus(Sql tx, long id, ProposalStatus status, Instant now) {
        tx.update("UPDATE proposal SET status = ?, status_changed_at = ?, updated_at = ? WHERE id = ?",
                status, now, now, id);
    }

    public void setAnswer(Sql tx, long id, Outcome outcome, String markdown, String html, long answeredBy,
                          Long asAddressee, Instant now) {
        tx.update("""
                UPDATE proposal SET status = 'ANSWERED', outcome = ?, answer_markdown = ?, answer_html = ?,
                       answered_by_account_id = ?, answered_as_addressee_id = ?, answered_at = ?,
                       status_changed_at = ?, updated_at = ?
                WHERE id = ?""", outcome, markdown, html, answeredBy, asAddressee, now, now, now, id);
    }

    /** Adds {@code delta} to the local (or remote) support count, in the transaction that changed the supports. */
    public void addSupports(Sql tx, long id, boolean remote, int delta) {
        tx.update(remote ? "UPDATE proposal SET remote_supports = remote_supports + ? WHERE id = ?"
                : "UPDATE proposal SET local_supports = local_supports + ? WHERE id = ?", delta, id);
    }

    /** Marks the threshold as reached, only the first time; true if this call did it. */
    public boolean markThresholdReached(Sql tx, long id, Instant now) {
        return tx.update("""
                UPDATE proposal SET threshold_reached_at = ?
                WHERE id = ? AND threshold_reached_at IS NULL AND supports >= support_threshold
                  AND support_deadline > ?""", now, id, now) == 1;
    }

    /** The proposal as a comment target (comments stay open while it exists). */
    public Optional<CommentTarget> commentTarget(Sql sql, long id) {
        return sql.one("SELECT id, title FROM proposal WHERE id = ? AND deleted_at IS NULL",
                r -> new CommentTarget(KIND, r.lng("id"), r.str("title"), path(r.lng("id"))), id);
    }

    /** Proposals as moderation shows them, in one query. */
    public Map<Long, ModeratedItem> moderated(Sql sql, Collection<Long> ids) {
        return sql.list("SELECT p.id, p.title, p.summary, p.deleted_at, au.display_name FROM proposal p "
                                + "LEFT JOIN account au ON au.id = p.author_account_id WHERE p.id = ANY(?)",
                        r -> new ModeratedItem(KIND, r.lng("id"), r.str("title"),
                                HtmlSanitizer.teaser(r.str("summary"), 300), r.str("display_name"), path(r.lng("id")),
                                r.instant("deleted_at") != null),
                        (Object) ids.toArray(Long[]::new))
                .stream().collect(Collectors.toMap(ModeratedItem::id, m -> m));
    }

    public static String path(long id) {
        return "/vorschlaege/" + id;
    }

    static ProposalSummary mapSummary(Row r, long comments) {
        return new ProposalSummary(r.lng("id"), r.str("title"), r.str("summary"), Topic.valueOf(r.str("topic")),
                ProposalStatus.valueOf(r.str("status")), r.enumOf(Outcome.class, "outcome"), supports(r),
                r.str("author_name"), Hidden.of(r.str("hidden_reason"), r.instant("hidden_at")),
                r.instant("created_at"), List.of(), comments);
    }

    private static Supports supports(Row r) {
        return new Supports(r.integer("local_supports"), r.integer("remote_supports"), r.integer("support_threshold"),
                r.instant("support_deadline"), r.instant("threshold_reached_at"));
    }

    private static Proposal mapFull(Row r) {
        Instant answeredAt = r.instant("answered_at");
        Answer answer = answeredAt == null ? null : new Answer(r.str("answer_markdown"), r.str("answer_html"),
                r.str("answered_by_name"), r.str("answered_as_name"), answeredAt);
        return new Proposal(r.lng("id"), r.lngOrNull("author_account_id"), r.str("author_name"), r.str("title"),
                r.str("summary"), r.str("body_markdown"), r.str("body_html"), Topic.valueOf(r.str("topic")),
                r.str("location"), ProposalStatus.valueOf(r.str("status")), r.enumOf(Outcome.class, "outcome"),
                answer, supports(r), Hidden.of(r.str("hidden_reason"), r.instant("hidden_at")),
                r.instant("created_at"), r.instant("updated_at"), r.instant("deleted_at"));
    }
}
