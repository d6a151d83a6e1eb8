package de.offenekommune.node.survey;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Sql;

/** SQL for responses and answers; counts are aggregated in the database. */
public final class ResponseRepository {

    /** @return the new response's id; empty if this account has already answered (nothing is written then) */
    Optional<Long> insertLocal(Sql sql, long surveyId, long accountId, Instant now) {
        return sql.one("""
                INSERT INTO survey_response (survey_id, responder_account_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (survey_id, responder_account_id) DO NOTHING RETURNING id""", r -> r.lng("id"),
                surveyId, accountId, now);
    }

    /**
     * The response of a fediverse actor, new or existing; the upsert locks its row, so concurrent
     * votes of one actor are decided one after the other.
     */
    long upsertRemote(Sql sql, long surveyId, String actor, Instant now) {
        return sql.one("""
                INSERT INTO survey_response (survey_id, remote_actor, created_at) VALUES (?, ?, ?)
                ON CONFLICT (survey_id, remote_actor) DO UPDATE SET remote_actor = excluded.remote_actor
                RETURNING id""", r -> r.lng("id"), surveyId, actor, now).orElseThrow();
    }

    boolean hasAnswer(Sql sql, long responseId, long questionId) {
        return sql.exists("SELECT 1 FROM survey_answer WHERE response_id = ? AND question_id = ?", responseId,
                questionId);
    }

    /** @return false if this option was chosen in this response before (nothing written then) */
    boolean insertChoice(Sql sql, long responseId, long questionId, long optionId) {
        return sql.update("""
                INSERT INTO survey_answer (response_id, question_id, option_id) VALUES (?, ?, ?)
                ON CONFLICT (response_id, question_id, option_id) DO NOTHING""", responseId, questionId,
                optionId) == 1;
    }

    /** The survey a response belongs to. */
    public Optional<Long> surveyOf(Sql sql, long responseId) {
        return sql.one("SELECT survey_id FROM survey_response WHERE id = ?", r -> r.lng("survey_id"), responseId);
    }

    /** All answers of one response in one statement. */
    void insertAnswers(Sql sql, long responseId, List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        sql.update("""
                INSERT INTO survey_answer (response_id, question_id, option_id, text)
                SELECT ?, a.question_id, a.option_id, a.text
                FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[])) AS a(question_id, option_id, text)""",
                responseId,
                PgArrays.longs(answers.stream().map(Answer::questionId).toList()),
                "{" + String.join(",", answers.stream().map(a -> a.optionId() == null ? "NULL"
                        : String.valueOf(a.optionId())).toList()) + "}",
                texts(answers));
    }

    private static String texts(List<Answer> answers) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < answers.size(); i++) {
            String t = answers.get(i).text();
            b.append(i == 0 ? "" : ",").append(t == null ? "NULL"
                    : "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return b.append('}').toString();
    }

    /** One chosen option or one free text. */
    record Answer(long questionId, Long optionId, String text) {
    }

    public boolean hasResponded(Sql sql, long surveyId, long accountId) {
        return sql.exists("SELECT 1 FROM survey_response WHERE survey_id = ? AND responder_account_id = ?",
                surveyId, accountId);
    }

    record Totals(long local, long remote) {
    }

    Totals totals(Sql sql, long surveyId) {
        return sql.one("""
                SELECT count(*) FILTER (WHERE remote_actor IS NULL) AS local,
                       count(*) FILTER (WHERE remote_actor IS NOT NULL) AS remote
                FROM survey_response WHERE survey_id = ?""", r -> new Totals(r.lng("local"), r.lng("remote")),
                surveyId).orElse(new Totals(0, 0));
    }

    record OptionCount(long local, long remote) {
    }

    /** Votes per option, local and remote apart. */
    Map<Long, OptionCount> optionCounts(Sql sql, long surveyId) {
        Map<Long, OptionCount> counts = new HashMap<>();
        sql.list("""
                SELECT a.option_id,
                       count(*) FILTER (WHERE r.remote_actor IS NULL) AS local,
                       count(*) FILTER (WHERE r.remote_actor IS NOT NULL) AS remote
                FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.survey_id = ? AND a.option_id IS NOT NULL
                GROUP BY a.option_id""", r -> counts.put(r.lng("option_id"),
                new OptionCount(r.lng("local"), r.lng("remote"))), surveyId);
        return counts;
    }

    /** How many responses answered each question at all. */
    Map<Long, Long> answeredPerQuestion(Sql sql, long surveyId) {
        Map<Long, Long> counts = new HashMap<>();
        sql.list("""
                SELECT a.question_id, count(DISTINCT a.response_id) AS n
                FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.survey_id = ? GROUP BY a.question_id""",
                r -> counts.put(r.lng("question_id"), r.lng("n")), surveyId);
        return counts;
    }

    record TextAnswer(long questionId, String text) {
    }

    /** Free-text answers, oldest first, bounded (the CSV export has them all). */
    List<TextAnswer> texts(Sql sql, long surveyId, int limit) {
        return sql.list("""
                SELECT a.question_id, a.text FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.survey_id = ? AND a.text IS NOT NULL ORDER BY a.id LIMIT ?""",
                r -> new TextAnswer(r.lng("question_id"), r.str("text")), surveyId, limit);
    }

    /** One answer row for the export, in response order. */
    record ExportRow(long responseId, Instant createdAt, boolean remote, Long questionId, String label, String text) {
    }

    List<ExportRow> export(Sql sql, long surveyId) {
        return sql.list("""
                SELECT r.id, r.created_at, r.remote_actor IS NOT NULL AS remote, a.question_id, o.label, a.text
                FROM survey_response r
                LEFT JOIN survey_answer a ON a.response_id = r.id
                LEFT JOIN survey_option o ON o.id = a.option_id
                WHERE r.survey_id = ?
                ORDER BY r.id, a.question_id, o.position, a.id""", r -> new ExportRow(r.lng("id"),
                r.instant("created_at"), r.bool("remote"), r.lngOrNull("question_id"), r.str("label"),
                r.str("text")), surveyId);
    }
}
